package dev.dunning.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dunning.model.ChannelType;
import dev.dunning.playbook.PlaybookException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@link Playbook} from JSON. Unknown fields are rejected, and every problem is reported at
 * once with its path, so a creditor fixes a playbook in one go:
 *
 * <pre>{@code
 * {
 *   "id": "b2b",
 *   "sendTime": "09:00",
 *   "stages": [
 *     { "id": "reminder1", "kind": "reminder", "start": { "from": "due_date", "days": 1 },
 *       "deadlineDays": 8, "channels": ["email", "letter"], "template": "reminder1" },
 *     { "id": "notice", "kind": "formal_notice", "start": { "from": "previous_deadline", "days": 0 },
 *       "deadlineDays": 15, "dayCount": "business", "channels": ["registered_letter", "email"],
 *       "delivery": "all", "template": "formal_notice", "fee": "40.00" },
 *     { "id": "injunction", "kind": "injunction", "deadlineDays": 30, "channels": ["court_filing"],
 *       "requiresApproval": true }
 *   ]
 * }
 * }</pre>
 *
 * <p>Defaults: {@code start} = 0 days after the previous deadline (the first stage: 1 day after the
 * due date), {@code dayCount} = calendar,
 * {@code delivery} = first_reachable, {@code template} = the stage id, {@code fee} = 0,
 * {@code requiresApproval} = false, {@code sendTime} = 09:00.
 *
 * @since 0.1
 */
public final class PlaybookLoader {
  /**
   * Strict: a key given twice is an error (not "the last one wins"), so is anything after the
   * playbook's closing brace, and numbers with a fraction are read as BigDecimal, never double.
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // 40.10 stays 40.10, as "40.10" does
      .build();
  private static final Set<String> PLAYBOOK_FIELDS = Set.of("id", "sendTime", "stages", "description");
  private static final Set<String> STAGE_FIELDS = Set.of("id", "kind", "start", "deadlineDays", "dayCount",
      "channels", "delivery", "template", "fee", "requiresApproval", "description");
  private static final Set<String> START_FIELDS = Set.of("from", "days");

  private PlaybookLoader() {}

  public static Playbook fromJson(String json) {
    return parse(json, "from JSON");
  }

  public static Playbook fromPath(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read playbook " + path, e);
    }
  }

  /** Reads a playbook from a classpath resource, e.g. {@code "/playbooks/b2b.json"}. */
  public static Playbook fromResource(String resource) {
    try (InputStream in = PlaybookLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no playbook resource " + resource + " on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read playbook " + resource, e);
    }
  }

  private static Playbook parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlaybookException(source, List.of(JsonProblems.ofSyntax(e)));
    }
    return new Reader(source).playbook(root);
  }

  /** Walks the tree once, collecting every structural problem before the semantic rules run. */
  private static final class Reader {
    private final String source;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> badPaths = new java.util.HashSet<>();

    Reader(String source) {
      this.source = source;
    }

    Playbook playbook(JsonNode root) {
      if (root == null || !root.isObject()) {
        throw new PlaybookException(source, List.of(new Problem("", "a playbook must be a JSON object")));
      }
      rejectUnknown(root, "", PLAYBOOK_FIELDS);
      String id = text(root, "", "id", null, true);
      LocalTime sendTime = Playbook.DEFAULT_SEND_TIME;
      String sendTimeText = text(root, "", "sendTime", null, false);
      if (sendTimeText != null) {
        try {
          sendTime = LocalTime.parse(sendTimeText);
        } catch (DateTimeParseException e) {
          problem("sendTime", "sendTime must be a time like 09:00, was '" + sendTimeText + "'");
        }
      }
      List<Stage> stages = new ArrayList<>();
      JsonNode stagesNode = root.get("stages");
      if (stagesNode == null || stagesNode.isNull()) {
        problem("stages", "stages is required");
      } else if (!stagesNode.isArray()) {
        problem("stages", "stages must be an array, was " + kindOf(stagesNode));
      } else {
        for (int i = 0; i < stagesNode.size(); i++) {
          Stage stage = stage(stagesNode.get(i), "stages[" + i + "]");
          if (stage != null) {
            stages.add(stage);
          } else {
            // keep indexes aligned for the semantic rules: a placeholder never reported on
            stages.add(placeholder(i));
          }
        }
      }
      List<Problem> all = new ArrayList<>(problems);
      for (Problem p : PlaybookRules.check(id == null ? "invalid" : id, stages)) {
        if (!isUnderBadPath(p.path())) {
          all.add(p);
        }
      }
      if (id == null) {
        all.removeIf(p -> p.path().equals("id") && !badPaths.contains("id"));
      }
      if (!all.isEmpty()) {
        all.sort(java.util.Comparator.comparing(Problem::path, JsonProblems::comparePaths));
        throw new PlaybookException(source, all);
      }
      return new Playbook(id, sendTime, stages);
    }

    private Stage placeholder(int i) {
      badPaths.add("stages[" + i + "]");
      return new Stage("placeholder-" + i, StageKind.REMINDER, StageStart.daysFromDueDate(0), 1, DayCount.CALENDAR,
          List.of(ChannelType.EMAIL), Delivery.FIRST_REACHABLE, "placeholder", BigDecimal.ZERO, false);
    }

    private boolean isUnderBadPath(String path) {
      for (String bad : badPaths) {
        if (path.equals(bad) || path.startsWith(bad + ".") || path.startsWith(bad + "[")) {
          return true;
        }
      }
      return false;
    }

    private Stage stage(JsonNode node, String at) {
      if (!node.isObject()) {
        problem(at, at + " must be an object, was " + kindOf(node));
        return null;
      }
      rejectUnknown(node, at, STAGE_FIELDS);
      String id = text(node, at, "id", null, true);
      StageKind kind = code(node, at, "kind", StageKind::fromCode, null, true);
      StageStart start = start(node.get("start"), at + ".start", at.equals("stages[0]"));
      int deadlineDays = integer(node, at, "deadlineDays", 8, true);
      DayCount dayCount = code(node, at, "dayCount", DayCount::fromCode, DayCount.CALENDAR, false);
      Delivery delivery = code(node, at, "delivery", Delivery::fromCode, Delivery.FIRST_REACHABLE, false);
      List<ChannelType> channels = channels(node.get("channels"), at + ".channels");
      String template = text(node, at, "template", id, false);
      BigDecimal fee = decimal(node, at, "fee");
      boolean approval = bool(node, at, "requiresApproval");
      if (id == null) {
        id = "missing-id-" + at;
        badPaths.add(at + ".id");
        if (template == null || template.equals(id)) {
          badPaths.add(at + ".template");
        }
      } else if (!node.has("template") && !PlaybookRules.ID.matcher(id).matches()) {
        // the template defaults to the id: its problem is the id's, reported once
        badPaths.add(at + ".template");
      }
      if (kind == null) {
        kind = StageKind.REMINDER;
      }
      if (template == null) {
        template = id;
      }
      return new Stage(id, kind, start, deadlineDays, dayCount, channels, delivery, template, fee, approval);
    }

    private StageStart start(JsonNode node, String at, boolean first) {
      if (node == null || node.isNull()) {
        // the first stage has no previous deadline: it starts the day after the due date
        return first ? StageStart.daysFromDueDate(1) : StageStart.daysAfterPreviousDeadline(0);
      }
      if (!node.isObject()) {
        problem(at, at + " must be an object like {\"from\": \"due_date\", \"days\": 1}, was " + kindOf(node));
        return StageStart.daysAfterPreviousDeadline(0);
      }
      rejectUnknown(node, at, START_FIELDS);
      Anchor anchor = code(node, at, "from", Anchor::fromCode, Anchor.PREVIOUS_DEADLINE, true);
      int days = integer(node, at, "days", 0, false);
      return new StageStart(anchor == null ? Anchor.PREVIOUS_DEADLINE : anchor, days);
    }

    private List<ChannelType> channels(JsonNode node, String at) {
      List<ChannelType> channels = new ArrayList<>();
      if (node == null || node.isNull()) {
        problem(at, at + " is required");
        return channels;
      }
      if (!node.isArray()) {
        problem(at, at + " must be an array of channel codes, was " + kindOf(node));
        return channels;
      }
      int before = problems.size();
      for (int c = 0; c < node.size(); c++) {
        JsonNode item = node.get(c);
        String path = at + "[" + c + "]";
        if (!item.isTextual()) {
          problem(path, path + " must be a channel code, was " + kindOf(item));
          continue;
        }
        try {
          ChannelType channel = ChannelType.fromCode(item.asText());
          if (channels.contains(channel)) {
            problem(path, path + " '" + channel.code() + "' is listed twice");
          } else {
            channels.add(channel);
          }
        } catch (IllegalArgumentException e) {
          problem(path, path + ": " + e.getMessage());
        }
      }
      if (problems.size() > before) {
        // reported here with the document's indexes; the rules would see a shortened list
        badPaths.add(at);
      }
      return channels;
    }

    private void rejectUnknown(JsonNode node, String at, Set<String> known) {
      for (Iterator<String> names = ((ObjectNode) node).fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          String path = join(at, name);
          problem(path, path + " is not a known field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
      }
    }

    private String text(JsonNode node, String at, String field, String fallback, boolean required) {
      String path = join(at, field);
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          problem(path, path + " is required");
        }
        return fallback;
      }
      if (!value.isTextual()) {
        problem(path, path + " must be a string, was " + kindOf(value));
        return fallback;
      }
      return value.asText();
    }

    private <T> T code(JsonNode node, String at, String field, Function<String, T> parse, T fallback, boolean required) {
      String text = text(node, at, field, null, required);
      if (text == null) {
        return fallback;
      }
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        String path = join(at, field);
        problem(path, path + ": " + e.getMessage());
        return fallback;
      }
    }

    private int integer(JsonNode node, String at, String field, int fallback, boolean required) {
      String path = join(at, field);
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          problem(path, path + " is required");
        }
        return fallback;
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        problem(path, path + " must be a whole number, was " + value);
        return fallback;
      }
      return value.intValue();
    }

    private BigDecimal decimal(JsonNode node, String at, String field) {
      String path = join(at, field);
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return BigDecimal.ZERO;
      }
      if (value.isNumber()) {
        return value.decimalValue(); // exact: the mapper reads fractions as BigDecimal
      }
      if (!value.isTextual()) {
        problem(path, path + " must be a decimal amount like \"40.00\", was " + value);
        return BigDecimal.ZERO;
      }
      try {
        return new BigDecimal(value.asText().strip());
      } catch (NumberFormatException e) {
        problem(path, path + " must be a decimal amount like \"40.00\", was " + value);
        return BigDecimal.ZERO;
      }
    }

    private boolean bool(JsonNode node, String at, String field) {
      String path = join(at, field);
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return false;
      }
      if (!value.isBoolean()) {
        problem(path, path + " must be true or false, was " + value);
        return false;
      }
      return value.booleanValue();
    }

    private void problem(String path, String message) {
      badPaths.add(path);
      problems.add(new Problem(path, message));
    }

    private static String join(String at, String field) {
      return at.isEmpty() ? field : at + "." + field;
    }

    private static String kindOf(JsonNode node) {
      return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
