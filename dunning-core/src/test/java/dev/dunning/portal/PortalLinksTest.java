package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dunning.internal.Hashes;
import dev.dunning.model.Actor;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.PortalToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortalLinksTest {
  private final PortalFixtures f = new PortalFixtures();

  @Test
  void every_message_carries_a_link_with_a_256_bit_url_safe_token() {
    RecoveryCase c = f.openCase();
    assertThat(f.latestLink(c.id()).toString()).startsWith("https://pay.example/p/");
    String raw = f.tokenOf(c.id());
    assertThat(raw).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(raw)).hasSize(32);
  }

  @Test
  void only_the_hash_is_stored_scoped_to_the_case_and_tenant_for_sixty_days() {
    RecoveryCase c = f.openCase();
    String raw = f.tokenOf(c.id());
    PortalToken stored = f.storedToken(raw).orElseThrow();
    assertThat(stored.tokenHash()).isEqualTo(Hashes.sha256Hex(raw)).doesNotContain(raw);
    assertThat(stored.caseId()).isEqualTo(c.id());
    assertThat(stored.tenantId()).isEqualTo(PortalFixtures.TENANT);
    assertThat(Duration.between(stored.issuedAt(), stored.expiresAt())).isEqualTo(Duration.ofDays(60));
  }

  @Test
  void the_raw_token_appears_in_no_timeline_outbox_or_tostring() {
    RecoveryCase c = f.openCase();
    String raw = f.tokenOf(c.id());
    f.portal.uploadProof(PortalFixtures.TENANT, raw, new Upload("proof.pdf", PortalFixtures.pdf(100)));
    assertThat(f.visibleTexts(c.id())).noneMatch(text -> text.contains(raw)).isNotEmpty();
  }

  @Test
  void each_delivery_gets_its_own_token() {
    RecoveryCase c = f.openCase();
    String first = f.tokenOf(c.id());
    f.engine.hold(c.id(), dev.dunning.model.HoldReason.MANUAL, null, "check", Actor.manager("claire"));
    f.engine.resumeWithFreshDeadline(c.id(), "send again", Actor.manager("claire"));
    f.engine.tick();
    assertThat(f.tokenOf(c.id())).isNotEqualTo(first);
    assertThat(f.portal.view(PortalFixtures.TENANT, first).caseId()).isEqualTo(c.id());
  }

  @Test
  void a_link_works_until_the_last_second_of_its_validity() {
    RecoveryCase c = f.openCase();
    String raw = f.tokenOf(c.id());
    f.clock.advance(Duration.ofDays(60).minusSeconds(1));
    assertThat(f.portal.view(PortalFixtures.TENANT, raw).caseId()).isEqualTo(c.id());
    f.clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> f.portal.view(PortalFixtures.TENANT, raw)).isInstanceOf(InvalidPortalLinkException.class);
  }

  @Test
  void forged_expired_closed_and_foreign_links_get_the_same_answer() {
    RecoveryCase expiring = f.openCase(PortalFixtures.TENANT, "INV-1");
    String expired = f.tokenOf(expiring.id());
    f.clock.advance(Duration.ofDays(61));
    RecoveryCase closing = f.openCase(PortalFixtures.TENANT, "INV-2");
    String ofClosed = f.tokenOf(closing.id());
    f.engine.recordPayment(closing.id(), Money.of("1200.00", "EUR"), "bank", Actor.host("bank import"));
    RecoveryCase foreign = f.openCase(PortalFixtures.OTHER_TENANT, "INV-3");
    String ofOtherTenant = f.tokenOf(foreign.id());
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    List<Throwable> answers = new ArrayList<>();
    for (String token : new String[] {forged, expired, ofClosed, ofOtherTenant, "", "../../etc/passwd", null,
        ofClosed + "A"}) {
      answers.add(catchThrowable(() -> f.portal.view(PortalFixtures.TENANT, token)));
    }
    assertThat(answers).allSatisfy(t -> {
      assertThat(t).isExactlyInstanceOf(InvalidPortalLinkException.class);
      assertThat(t.getMessage()).isEqualTo(InvalidPortalLinkException.MESSAGE);
      assertThat(t.getCause()).isNull();
      assertThat(t.getStackTrace()).isEmpty();
    });
    // the foreign link still works for its own creditor: it was refused for the tenant, not broken
    assertThat(f.portal.view(PortalFixtures.OTHER_TENANT, ofOtherTenant).caseId()).isEqualTo(foreign.id());
  }

  @Test
  void closing_a_case_revokes_its_links() {
    RecoveryCase c = f.openCase();
    String raw = f.tokenOf(c.id());
    f.engine.cancel(c.id(), "opened by mistake", Actor.manager("claire"));
    assertThat(f.storedToken(raw).orElseThrow().revokedAt()).isEqualTo(f.clock.instant());
  }

  @Test
  void base_uri_is_checked_when_built_and_may_name_the_tenant() {
    assertThatThrownBy(() -> PortalLinks.builder(f.tokens, f.clock).baseUri("/p/{token}"))
        .hasMessageContaining("absolute http(s)");
    assertThatThrownBy(() -> PortalLinks.builder(f.tokens, f.clock).build()).hasMessageContaining("baseUri");
    assertThatThrownBy(() -> PortalLinks.builder(f.tokens, f.clock).validity(Duration.ofHours(1)))
        .hasMessageContaining("between 1 and 366 days");
    assertThat(PortalLinks.link("https://pay.example/{tenant}/p/{token}", "acme nv", "T")).hasToString(
        "https://pay.example/acme%20nv/p/T");
    assertThat(PortalLinks.link("https://pay.example/p", "acme", "T")).hasToString("https://pay.example/p/T");
  }
}
