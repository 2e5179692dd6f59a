package dev.dunning.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateResolverTest {
  private final TemplateResolver resolver = TemplateResolver.localeFallback();

  @Test
  void theChainGoesFromLanguageAndCountryToLanguageToTheKeyAlone() {
    assertThat(resolver.candidates("reminder1", ChannelType.EMAIL, Locale.forLanguageTag("nl-BE")))
        .containsExactly("reminder1_nl_BE", "reminder1_nl", "reminder1");
    assertThat(resolver.candidates("reminder1", ChannelType.LETTER, Locale.forLanguageTag("nl")))
        .containsExactly("reminder1_nl", "reminder1");
  }

  @Test
  void anEmptyLocaleHasOnlyTheKey() {
    assertThat(resolver.candidates("reminder1", ChannelType.EMAIL, Locale.ROOT)).containsExactly("reminder1");
  }

  @Test
  void resolveTakesTheMostSpecificTemplateThatExists() {
    Locale nlBe = Locale.forLanguageTag("nl-BE");

    assertThat(resolver.resolve("reminder1", ChannelType.EMAIL, nlBe, Set.of("reminder1", "reminder1_nl")::contains))
        .contains("reminder1_nl");
    assertThat(resolver.resolve("reminder1", ChannelType.EMAIL, nlBe,
        Set.of("reminder1", "reminder1_nl", "reminder1_nl_BE")::contains)).contains("reminder1_nl_BE");
    assertThat(resolver.resolve("reminder1", ChannelType.EMAIL, nlBe, Set.of("reminder1")::contains)).contains("reminder1");
    assertThat(resolver.resolve("reminder1", ChannelType.EMAIL, nlBe, Set.of("reminder2")::contains)).isEmpty();
  }
}
