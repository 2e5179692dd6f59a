package dev.dunning.mail;

import dev.dunning.mail.internal.TemplateCatalog;
import dev.dunning.mail.internal.TemplateSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The e-mail and letter texts, as <a href="https://mustache.github.io/">Mustache</a> templates: the
 * shipped defaults (English, French, Dutch, German; reminders also in Bulgarian) overlaid with your
 * own from class-path prefixes and directories, the last source added winning file by file.
 *
 * <p>Layout of a source: {@code email/KEY[_lang[_COUNTRY]].subject.mustache},
 * {@code email/….txt.mustache}, optionally {@code email/….html.mustache} beside a {@code .txt} of the
 * same name, for that text's HTML part (else the HTML part is made from the text; an HTML template
 * without its text would never be used, and is reported when the engine is built), and
 * {@code letter/KEY[_lang[_COUNTRY]].mustache}. {@code KEY} is the stage's
 * template key; the {@code TemplateResolver} picks the most specific file for the debtor's locale.
 * A {@code REGISTERED_EMAIL} channel first tries {@code email/registered_email/KEY[_lang[_COUNTRY]]…}
 * at each step of that chain, so registered e-mails may have texts of their own (in the debtor's
 * language before any other).
 *
 * <p>Variables: {@code caseId stageId debtorName creditorName senderName creditorPhone creditorEmail
 * creditorWebsite creditorAddress iban bic paymentReference invoiceNumbers principal fees hasFees paid
 * hasPaid amountDue deadline today portalLink registeredLetter}, and the list {@code claims} with
 * {@code invoiceNumber issueDate dueDate amount openBalance paymentReference}. Money and dates come
 * formatted for the locale; an absent value is empty and counts as false in a section.
 * {@code registeredLetter} is true when the engine routed this stage attempt to a registered letter
 * too ({@code OutboundMessage.stageChannels()}, as the engine's own {@code ChannelRouter} decided). Any other name is reported when the engine is built. HTML templates escape every
 * value: the build refuses {@code {{{…}}}}, {@code {{&…}}} and delimiter changes in them.
 *
 * <p>Letter templates are plain text with a few directives at the start of a line:
 * {@code @subject …} (the bold reference line), {@code @heading …}, {@code @claims Invoice | Date |
 * Due date | Amount} (the table of claims, with these column titles), {@code @fees …},
 * {@code @paid …} and {@code @total …} (rows under the table, with these labels); blank lines
 * separate paragraphs.
 *
 * <p>Immutable and thread-safe: build one and share it between channels and the letter renderer.
 *
 * @since 0.1
 */
public final class Templates {
  /** Where the shipped defaults live on the class path. */
  public static final String DEFAULTS_PREFIX = "dev/dunning/mail/templates";

  private final TemplateCatalog catalog;
  private final String searched;

  private Templates(Map<String, String> sources, String searched) {
    this.catalog = new TemplateCatalog(sources);
    this.searched = searched;
  }

  /** The shipped templates only. */
  public static Templates defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The paths of every template held, e.g. {@code email/reminder1_fr.subject}. */
  public Set<String> paths() {
    return catalog.paths();
  }

  TemplateCatalog catalog() {
    return catalog;
  }

  /** The sources, for error messages. */
  String searched() {
    return searched;
  }

  /** Builds {@link Templates}: the defaults, then each source added, later ones winning. */
  public static final class Builder {
    private boolean defaults = true;
    private final List<Source> sources = new ArrayList<>();

    /** A directory, or a class-path prefix with its loader. */
    private record Source(Path directory, ClassLoader loader, String prefix) {}

    private Builder() {}

    /** Leaves the shipped defaults out: every template must then come from your sources. */
    public Builder withoutDefaults() {
      this.defaults = false;
      return this;
    }

    /** Adds the templates under {@code prefix} (e.g. {@code com/acme/dunning}) on the thread's context class loader, else this library's. */
    public Builder classpath(String prefix) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return classpath(loader != null ? loader : Templates.class.getClassLoader(), prefix);
    }

    public Builder classpath(ClassLoader loader, String prefix) {
      Objects.requireNonNull(loader, "loader");
      Objects.requireNonNull(prefix, "prefix");
      if (prefix.isBlank() || prefix.startsWith("/")) {
        throw new IllegalArgumentException("prefix must be a relative class-path folder such as com/acme/templates, was '"
            + prefix + "'");
      }
      sources.add(new Source(null, loader, prefix));
      return this;
    }

    /** Adds the templates under {@code directory}. */
    public Builder directory(Path directory) {
      sources.add(new Source(Objects.requireNonNull(directory, "directory"), null, null));
      return this;
    }

    /**
     * Reads every source now.
     *
     * @throws IllegalArgumentException if a directory or class-path prefix cannot be read
     */
    public Templates build() {
      Map<String, String> all = new HashMap<>();
      List<String> searched = new ArrayList<>();
      if (defaults) {
        all.putAll(TemplateSources.classpath(Templates.class.getClassLoader(), DEFAULTS_PREFIX));
        searched.add("classpath:" + DEFAULTS_PREFIX);
      }
      for (Source source : sources) {
        if (source.directory() != null) {
          all.putAll(TemplateSources.directory(source.directory()));
          searched.add(source.directory().toString());
        } else {
          Map<String, String> found = TemplateSources.classpath(source.loader(), source.prefix());
          if (found.isEmpty()) {
            throw new IllegalArgumentException("classpath prefix: no *.mustache template under '" + source.prefix() + "'");
          }
          all.putAll(found);
          searched.add("classpath:" + source.prefix());
        }
      }
      return new Templates(all, String.join(", ", searched));
    }
  }
}
