package dev.dunning.mail.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.dunning.model.ChannelType;
import dev.dunning.policy.TemplateResolver;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiled templates by path ({@code email/reminder1_fr.subject}), each with the escaping its
 * output needs: HTML-escaped for {@code .html}, raw for e-mail text and subjects, and for letters
 * raw but with line breaks in values turned into spaces (so a value cannot start a letter directive
 * or break the layout). Thread-safe.
 */
public final class TemplateCatalog {
  private static final Set<String> SPECIAL_NAMES = Set.of(".", "this", "-first", "-last", "-index");
  /** The opening of a tag that prints raw ({@code {{{}, {@code {{&}) or sets new delimiters ({@code {{=}). */
  private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\s*([{&=])");

  private final Map<String, String> sources;
  private final Mustache.Compiler html;
  private final Mustache.Compiler text;
  private final Mustache.Compiler letter;
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  public TemplateCatalog(Map<String, String> sources) {
    Map<String, String> normalised = new HashMap<>(sources.size() * 2);
    sources.forEach((path, source) -> normalised.put(path, unixLineEnds(source)));
    this.sources = Map.copyOf(normalised);
    Mustache.TemplateLoader loader = name -> {
      String source = this.sources.get(name);
      if (source == null) {
        throw new MustacheException("no template '" + name + "' to include");
      }
      return new StringReader(source);
    };
    // an empty string is "false", so optional values (portal link, BIC) can guard their sections
    Mustache.Compiler base = Mustache.compiler().emptyStringIsFalse(true).withLoader(loader);
    this.html = base.escapeHTML(true);
    this.text = base.escapeHTML(false);
    this.letter = base.withEscaper(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s
        : s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
  }

  /**
   * {@code source} with CRLF and CR line ends as LF, once when loaded: a template saved on Windows
   * then renders as it would saved with LF, and its HTML part takes {@link HtmlText}'s one-pass path
   * rather than the regular expressions (whose {@code \R\s*\R} reads each CRLF as a paragraph break).
   */
  static String unixLineEnds(String source) {
    return source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n").replace('\r', '\n');
  }

  public boolean exists(String path) {
    return sources.containsKey(path);
  }

  public Set<String> paths() {
    return sources.keySet();
  }

  /** The path of the first of {@code ids} this catalog has as {@code part}, e.g. {@code email/reminder1_nl.txt}. */
  public Optional<String> resolve(String folder, String part, List<String> ids) {
    for (String id : ids) {
      String path = path(folder, id, part);
      if (exists(path)) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code ids} with {@code prefix + id} before each id, e.g. {@code registered_email/formal_notice_fr}
   * before {@code formal_notice_fr}: a channel's own texts win, but never over the debtor's language.
   * An empty prefix gives {@code ids} itself.
   */
  public static List<String> preferring(String prefix, List<String> ids) {
    if (prefix.isEmpty()) {
      return ids;
    }
    List<String> preferred = new ArrayList<>(ids.size() * 2);
    for (String id : ids) {
      preferred.add(prefix + id);
      preferred.add(id);
    }
    return preferred;
  }

  /** {@code base}'s chain with {@code prefix + id} tried before each of its ids (see {@link #preferring(String, List)}). */
  public static TemplateResolver preferring(String prefix, TemplateResolver base) {
    return prefix.isEmpty() ? base
        : (templateKey, channel, locale) -> preferring(prefix, base.candidates(templateKey, channel, locale));
  }

  public static String path(String folder, String id, String part) {
    return folder + "/" + id + (part.isEmpty() ? "" : "." + part);
  }

  public String render(String path, Map<String, Object> model) {
    return template(path).execute(model);
  }

  /** Renders a text template with every value HTML-escaped, to make an HTML part from it. */
  public String renderEscaped(String path, Map<String, Object> model) {
    return template(path + ESCAPED).execute(model);
  }

  private static final String ESCAPED = "#escaped";

  private Template template(String path) {
    return compiled.computeIfAbsent(path, p -> {
      boolean escaped = p.endsWith(ESCAPED);
      String sourcePath = escaped ? p.substring(0, p.length() - ESCAPED.length()) : p;
      String source = sources.get(sourcePath);
      if (source == null) {
        throw new IllegalArgumentException("no template '" + sourcePath + "'");
      }
      Mustache.Compiler compiler = escaped || p.endsWith(".html") ? html : p.startsWith("letter/") ? letter : text;
      return compiler.compile(source);
    });
  }

  /**
   * The problems of the templates a stage needs: the base template of each required part must be
   * found through the resolver's chain for {@link Locale#ROOT} (with the default resolver the key
   * alone; a {@link #preferring(String, TemplateResolver)} chain tries the prefixed key first), and
   * every locale variant of every part present must compile, use known names only and render.
   */
  public List<String> checkStage(String where, String folder, String key, List<String> requiredParts,
      List<String> optionalParts, ChannelType channel, TemplateResolver resolver, String searched) {
    Set<String> problems = new LinkedHashSet<>();
    for (String part : requiredParts) {
      if (resolve(folder, part, resolver.candidates(key, channel, Locale.ROOT)).isEmpty()) {
        problems.add(where + ": no template " + path(folder, key, part) + TemplateSources.EXTENSION
            + " (looked in " + searched + ")");
      }
    }
    List<String> parts = new ArrayList<>(requiredParts);
    parts.addAll(optionalParts);
    for (String path : sources.keySet()) {
      for (String part : parts) {
        if (isVariant(path, folder, key, part)) {
          for (String problem : check(path)) {
            problems.add(where + ": " + problem);
          }
        }
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The problems of the variants of {@code part} with no {@code pairedWith} template of the same id,
   * e.g. {@code email/reminder1_fr.html} without {@code email/reminder1_fr.txt}: an e-mail takes its
   * HTML template from the id its text came from, so such a template would never be used.
   */
  public List<String> checkPaired(String where, String folder, String key, String part, String pairedWith) {
    List<String> problems = new ArrayList<>();
    for (String path : new TreeSet<>(sources.keySet())) {
      if (!isVariant(path, folder, key, part)) {
        continue;
      }
      String sibling = path.substring(0, path.length() - part.length()) + pairedWith;
      if (!exists(sibling)) {
        problems.add(where + ": template " + path + TemplateSources.EXTENSION + " is never used: the " + part
            + " part is taken from the template of the " + pairedWith + " part, and there is no " + sibling
            + TemplateSources.EXTENSION + "; add that template or remove this one");
      }
    }
    return problems;
  }

  private static boolean isVariant(String path, String folder, String key, String part) {
    String prefix = folder + "/" + key;
    String suffix = part.isEmpty() ? "" : "." + part;
    if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() < prefix.length() + suffix.length()) {
      return false;
    }
    String locale = path.substring(prefix.length(), path.length() - suffix.length());
    return locale.isEmpty() || locale.matches("_[a-z]{2,3}(_[A-Za-z0-9]+)?");
  }

  /**
   * A problem if an HTML template's source prints a value without escaping it ({@code {{{name}}}},
   * {@code {{&name}}}) or changes the tag delimiters ({@code {{=<% %>=}}}), which would hide such
   * output from this check: every value in an e-mail's HTML is escaped, so a debtor's name
   * cannot add markup or script.
   */
  private static Optional<String> unescaped(String name, String source) {
    Matcher m = UNESCAPED.matcher(source);
    if (!m.find()) {
      return Optional.empty();
    }
    String found = switch (m.group(1)) {
      case "{" -> "prints a value unescaped ({{{…}}})";
      case "&" -> "prints a value unescaped ({{&…}})";
      default -> "changes the tag delimiters ({{=…=}}), which would hide unescaped output from this check";
    };
    return Optional.of(name + " " + found + "; an HTML template must use {{name}}, which escapes the value");
  }

  /** The problems of one template: syntax, unknown names, and a failing dry run on sample messages. */
  List<String> check(String path) {
    String name = "template " + path + TemplateSources.EXTENSION;
    Template template;
    try {
      template = template(path);
    } catch (MustacheException e) {
      return List.of(name + " does not compile: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    if (path.endsWith(".html")) {
      unescaped(name, sources.get(path)).ifPresent(problems::add);
    }
    // jmustache's visitor reports no section ends, so scope cannot be tracked here: names of list
    // items are accepted anywhere and the dry runs below catch one used outside its list
    Set<String> known = new LinkedHashSet<>(MessageModel.TOP_LEVEL);
    MessageModel.LISTS.values().forEach(known::addAll);
    template.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {}

      @Override
      public void visitVariable(String variable) {
        if (!known.contains(variable) && !SPECIAL_NAMES.contains(variable)) {
          problems.add(name + " uses unknown variable '" + variable + "' (known: " + String.join(", ", known) + ")");
        }
      }

      @Override
      public boolean visitInclude(String include) {
        if (!exists(include)) {
          problems.add(name + " includes missing template '" + include + "'");
          return false;
        }
        if (path.endsWith(".html")) {
          // an included template is compiled with the HTML escaping of the one that includes it, but not checked
          unescaped(name + " includes '" + include + "', which", sources.get(include)).ifPresent(problems::add);
        }
        return true;
      }

      @Override
      public boolean visitSection(String section) {
        visitVariable(section);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String section) {
        visitVariable(section);
        return true;
      }
    });
    if (problems.isEmpty()) {
      for (Map<String, Object> sample : SampleMessages.models()) {
        try {
          String out = template.execute(sample);
          if (path.endsWith(".subject") && out.strip().matches("(?s).*[\\r\\n].*")) {
            problems.add(name + " renders on several lines; a subject must be one line");
            break;
          }
          if (path.startsWith("letter/")) {
            LetterMarkup.parse(out);
          }
        } catch (MustacheException | IllegalArgumentException e) {
          problems.add(name + " fails on a sample message: " + e.getMessage());
          break;
        }
      }
    }
    return problems;
  }
}
