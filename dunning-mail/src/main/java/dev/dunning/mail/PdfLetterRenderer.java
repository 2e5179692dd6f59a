package dev.dunning.mail;

import dev.dunning.mail.internal.Formats;
import dev.dunning.mail.internal.LetterMarkup;
import dev.dunning.mail.internal.LetterPdf;
import dev.dunning.mail.internal.MessageModel;
import dev.dunning.mail.internal.PdfFonts;
import dev.dunning.mail.internal.TemplateCatalog;
import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.policy.TemplateResolver;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentRenderer;
import dev.dunning.spi.OutboundMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders letters (formal notices, printed reminders) as PDF with Apache PDFBox: the creditor's
 * letterhead (name, tagline, address, phone, e-mail, website, optional PNG logo, accent colour),
 * the debtor's address placed for a window envelope, place and date, reference, the table of claims
 * with fees and total, the text of the {@code letter/} template in the debtor's language, and the
 * creditor's legal ids and bank details in the footer of every page.
 *
 * <p>The layout follows DIN 5008 form B on A4: the address block sits in the window of a C5/6 or
 * DL envelope, by default a <b>left</b> window (20 mm from the left edge, 45 mm from the top,
 * 85 × 45 mm, as DIN 680 / ISO 269 place it); choose {@link Builder#rightWindow()} for the
 * right-window envelopes common in France and Belgium (block 105–190 mm from the left edge).
 * Text is set in DejaVu Sans, embedded (subset) in every PDF, so Latin, Greek and Cyrillic names,
 * {@code €} and the narrow no-break space of French amounts print correctly.
 *
 * <p>The engine renders a letter once per stage attempt, stores it and attaches it to every
 * message of the stage (a signed letter uploaded by a person replaces it). Thread-safe.
 *
 * @since 0.1
 */
public final class PdfLetterRenderer implements DocumentRenderer {
  static final String FOLDER = "letter";

  private final Templates templates;
  private final Clock clock;
  private final LetterPdf.Window window;
  private final LetterPdf pdf = new LetterPdf(new PdfFonts());
  private final Formats.Cache formats = new Formats.Cache();

  private PdfLetterRenderer(Builder b) {
    this.templates = b.templates;
    this.clock = b.clock;
    this.window = b.window;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Document render(OutboundMessage message) {
    TemplateCatalog catalog = templates.catalog();
    String key = message.stage().templateKey();
    String path = catalog.resolve(FOLDER, "", message.templateCandidates())
        .orElseThrow(() -> new IllegalStateException("no letter template " + FOLDER + "/" + key + " for "
            + message.locale() + " (the engine's build checks should have caught this)"));
    Formats f = formats.get(message.locale());
    LetterMarkup letter = LetterMarkup.parse(catalog.render(path, MessageModel.of(message, clock, f)));
    LocalDate today = LocalDate.ofInstant(clock.instant(), message.recoveryCase().debtor().timeZone());
    byte[] content = pdf.render(message, letter, today, window, f);
    return new Document(fileName(message), Document.PDF, content);
  }

  /** {@code formal_notice-C-1042-1.pdf}: stage, case and attempt, in characters safe on any file system. */
  static String fileName(OutboundMessage m) {
    String name = m.stage().id() + "-" + m.recoveryCase().id() + "-" + m.message().stageAttempt();
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }

  /** Every stage that carries a letter on one of its channels needs a base letter template, and every variant must be valid. */
  @Override
  public List<String> validate(Playbook playbook, TemplateResolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < playbook.stages().size(); i++) {
      Stage stage = playbook.stages().get(i);
      for (ChannelType channel : stage.channels()) {
        if (appliesTo(stage.kind(), channel)) {
          String where = "playbook '" + playbook.id() + "' stages[" + i + "] (" + stage.id() + ", letter)";
          problems.addAll(templates.catalog().checkStage(where, FOLDER, stage.templateKey(), List.of(""), List.of(),
              channel, resolver, templates.searched()));
          break;
        }
      }
    }
    return problems;
  }

  /** Builds a {@link PdfLetterRenderer}. */
  public static final class Builder {
    private Templates templates;
    private Clock clock = Clock.systemUTC();
    private LetterPdf.Window window = LetterPdf.Window.LEFT;

    private Builder() {}

    /** The texts. Default: {@link Templates#defaults()}. */
    public Builder templates(Templates templates) {
      this.templates = Objects.requireNonNull(templates, "templates");
      return this;
    }

    /** Dates the letters. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Places the address for a left-window envelope (DIN 5008 form B; the default). */
    public Builder leftWindow() {
      this.window = LetterPdf.Window.LEFT;
      return this;
    }

    /** Places the address for a right-window envelope (France, Belgium). */
    public Builder rightWindow() {
      this.window = LetterPdf.Window.RIGHT;
      return this;
    }

    public PdfLetterRenderer build() {
      if (templates == null) {
        templates = Templates.defaults();
      }
      return new PdfLetterRenderer(this);
    }
  }
}
