package dev.dunning.portal;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandDebtor;
import dev.dunning.intake.DemandInvoice;
import dev.dunning.intake.DemandListener;
import dev.dunning.intake.IntakeService;
import dev.dunning.intake.LegalIdSchemes;
import dev.dunning.intake.Requester;
import dev.dunning.intake.StoredDemand;
import dev.dunning.memory.InMemoryDocumentStore;
import dev.dunning.memory.InMemoryPortalTokenStore;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.PortalToken;
import dev.dunning.spi.PortalTokenStore;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One fully wired engine with intake, portal links, portal and manager review, on in-memory stores,
 * a {@link MutableClock} and a {@link RecordingChannel} for every channel type. Shared by every
 * intake and portal test so the wiring is written once, the way a host would write it.
 */
public final class PortalFixtures {
  public static final String TENANT = "acme";
  public static final String OTHER_TENANT = "globex";
  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  /** Monday 2 March 2026, 09:00 in Brussels. */
  public static final String START = "2026-03-02T08:00:00Z";
  public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  public static final String CREDITOR_IBAN = "BE71 0961 2345 6769";

  public final MutableClock clock = MutableClock.at(START);
  public final InMemoryDocumentStore documents = new InMemoryDocumentStore(clock);
  public final PortalTokenStore tokens = new InMemoryPortalTokenStore();
  public final PaymentPlanStore planStore = new InMemoryPaymentPlanStore();
  public final PaymentPlans plans = new PaymentPlans(planStore);
  public final List<RecordingChannel> channels = RecordingChannel.forEveryType();
  public final CreditorDirectory creditors = CreditorDirectory.of(creditor(TENANT, "Acme SA"), creditor(OTHER_TENANT, "Globex NV"));
  public final PortalLinks links;
  public final RecoveryEngine engine;
  public final PortalService portal;
  public final ManagerReview review;
  public final IntakeService intake;
  public final List<String> told = new CopyOnWriteArrayList<>();

  public PortalFixtures() {
    this(UnaryOperator.identity());
  }

  /** Fixtures whose intake is configured further by {@code intakeOptions} (e.g. an auto-approve policy). */
  public PortalFixtures(UnaryOperator<IntakeService.Builder> intakeOptions) {
    this((fixtures, builder) -> intakeOptions.apply(builder));
  }

  /** Fixtures whose intake is configured further by {@code intakeOptions}, which may use the other fixtures. */
  public PortalFixtures(BiFunction<PortalFixtures, IntakeService.Builder, IntakeService.Builder> intakeOptions) {
    links = PortalLinks.builder(tokens, clock).baseUri("https://pay.example/p/{token}").build();
    RecoveryEngineBuilder b = RecoveryEngine.builder().clock(clock).creditors(creditors).documentStore(documents)
        .portalLinks(links).listener(links).listener(plans);
    channels.forEach(b::channel);
    engine = b.build();
    portal = PortalService.builder(engine, links).creditors(creditors).documentStore(documents).paymentPlans(plans).build();
    review = new ManagerReview(engine, plans, new DebtorNotifier() {
      @Override
      public void onProofRejected(RecoveryCase resumed, String reason) {
        told.add("proof rejected " + resumed.id() + ": " + reason);
      }

      @Override
      public void onDisputeResolved(RecoveryCase after, DisputeOutcome outcome, String note) {
        told.add("dispute " + outcome + " " + after.id());
      }

      @Override
      public void onPlanDecided(RecoveryCase after, PaymentPlan plan) {
        told.add("plan " + plan.status() + " " + after.id());
      }
    });
    intake = intakeOptions.apply(this, IntakeService.builder(engine, creditors).documentStore(documents)
        .listener(new DemandListener() {
          @Override
          public void onSubmitted(StoredDemand d) {
            told.add("submitted " + d.id());
          }

          @Override
          public void onApproved(StoredDemand d, RecoveryCase opened) {
            told.add("approved " + d.id() + " as " + opened.id() + " to " + d.demand().requester().email());
          }

          @Override
          public void onRejected(StoredDemand d) {
            told.add("rejected " + d.id() + ": " + d.rejectionReason());
          }
        })).build();
  }

  public static Creditor creditor(String id, String name) {
    return new Creditor(id, name, List.of(), PostalAddress.of("Rue de la Loi 16", "1000", "Brussels", "BE"), null,
        "+32 2 000 00 00", "billing@" + id + ".example", CREDITOR_IBAN, "GEBABEBB");
  }

  public static Debtor debtor() {
    return Debtor.builder("C-77", "Dupont SPRL").kind(DebtorKind.B2B).email("ap@dupont.example")
        .address(PostalAddress.of("Avenue Louise 54", "1050", "Ixelles", "BE")).locale(Locale.forLanguageTag("fr-BE"))
        .timeZone(BRUSSELS).build();
  }

  /** Opens a case of 1200.00 EUR due 15 February for {@code tenant} and ticks, so the first reminder (with its link) goes out. */
  public RecoveryCase openCase(String tenant, String invoiceNumber) {
    RecoveryCase c = engine.open(NewCase.builder(tenant, debtor())
        .claim(Claim.of(invoiceNumber, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), Money.of("1200.00", "EUR"),
            "+++090/9337/55493+++")).build());
    engine.tick();
    return engine.find(c.id()).orElseThrow();
  }

  public RecoveryCase openCase() {
    return openCase(TENANT, "INV-2026-001");
  }

  /** A portal on this engine and links with its own document store and plans, e.g. ones that fail on purpose. */
  public PortalService portalWith(dev.dunning.spi.DocumentStore documentStore, PaymentPlans paymentPlans) {
    return PortalService.builder(engine, links).creditors(creditors).documentStore(documentStore)
        .paymentPlans(paymentPlans).build();
  }

  public RecoveryCase current(String caseId) {
    return engine.find(caseId).orElseThrow();
  }

  public RecordingChannel channel(ChannelType type) {
    return channels.stream().filter(c -> c.type() == type).findFirst().orElseThrow();
  }

  /** The portal link of the latest e-mail sent for a case. */
  public URI latestLink(String caseId) {
    List<OutboundMessage> sent = channel(ChannelType.EMAIL).sentFor(caseId);
    return sent.get(sent.size() - 1).portalLink();
  }

  /** The raw token of the latest e-mail sent for a case: what the debtor's browser sends back. */
  public String tokenOf(String caseId) {
    String path = latestLink(caseId).getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public Optional<PortalToken> storedToken(String raw) {
    return tokens.findByHash(dev.dunning.internal.Hashes.sha256Hex(raw));
  }

  public List<TimelineEvent> events(String caseId, EventType type) {
    return engine.timeline(caseId).stream().filter(e -> e.type() == type).toList();
  }

  public static Demand.Builder validDemand() {
    return Demand.builder()
        .requester(new Requester("Marie Curie", "marie.curie@acme.example", "Sales Benelux"))
        .tenant(TENANT)
        .debtor(DemandDebtor.builder("Dupont SPRL").kind(DebtorKind.B2B)
            .legalId(LegalIdSchemes.BE_ENTERPRISE, "0403.091.220")
            .address(PostalAddress.of("Avenue Louise 54", "1050", "Ixelles", "BE"))
            .email("ap@dupont.example").phone("+32 2 123 45 67").language("fr-BE").timeZone(BRUSSELS)
            .iban("BE71 0961 2345 6769").build())
        .invoice(DemandInvoice.of("INV-2026-001", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), "1200.00", "EUR"))
        .comment("Customer stopped answering in January.");
  }

  public static byte[] pdf(int size) {
    byte[] bytes = filled(size);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, Math.min(9, size));
    return bytes;
  }

  public static byte[] png() {
    byte[] bytes = filled(64);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    return bytes;
  }

  public static byte[] jpeg() {
    byte[] bytes = filled(64);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    return bytes;
  }

  public static byte[] html() {
    return "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  /** Every text the case left anywhere a person or a log could read it. */
  public List<String> visibleTexts(String caseId) {
    List<String> texts = new ArrayList<>();
    engine.timeline(caseId).forEach(e -> texts.add(e.toString()));
    engine.messages(caseId).forEach(m -> texts.add(m.toString()));
    channel(ChannelType.EMAIL).sentFor(caseId).forEach(m -> texts.add(m.toString()));
    texts.add(current(caseId).toString());
    texts.add(links.toString());
    return texts;
  }
}
