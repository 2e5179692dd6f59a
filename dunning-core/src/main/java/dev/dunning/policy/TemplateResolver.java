package dev.dunning.policy;

import dev.dunning.model.ChannelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a stage's template key, a channel and the debtor's locale into the id of a template that
 * exists, with a fallback chain: {@code reminder1_nl_BE} → {@code reminder1_nl} → {@code reminder1}.
 * Each channel keeps its own template set, so the channel is an input a custom resolver may use
 * (e.g. {@code sms/reminder1}) but the default ignores.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TemplateResolver {

  /** The template ids to try, most specific first. */
  List<String> candidates(String templateKey, ChannelType channel, Locale locale);

  /** The first candidate for which {@code exists} holds. */
  default Optional<String> resolve(String templateKey, ChannelType channel, Locale locale, Predicate<String> exists) {
    for (String candidate : candidates(templateKey, channel, locale)) {
      if (exists.test(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** key_language_COUNTRY → key_language → key. */
  static TemplateResolver localeFallback() {
    return (templateKey, channel, locale) -> {
      List<String> ids = new ArrayList<>(3);
      if (!locale.getLanguage().isEmpty()) {
        if (!locale.getCountry().isEmpty()) {
          ids.add(templateKey + "_" + locale.getLanguage() + "_" + locale.getCountry());
        }
        ids.add(templateKey + "_" + locale.getLanguage());
      }
      ids.add(templateKey);
      return ids;
    };
  }
}
