package dev.dunning.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned SQL script shipped in the jar, named like Flyway's
 * ({@code db/dunning/<dialect>/V001__init.sql}) so a DBA may apply them with Flyway instead, with
 * the placeholder {@code prefix} set to the table prefix.
 *
 * @param version the version it brings the schema to
 * @param description the name part after {@code __}
 * @param resource the classpath resource, named in every error
 * @param text the script as shipped, with the {@code ${prefix}} placeholder
 * @param checksum the hex SHA-256 of {@code text}, recorded when applied and checked on every start
 */
record MigrationScript(int version, String description, String resource, String text, String checksum) {
  static final String PLACEHOLDER = "${prefix}";
  private static final Pattern CREATE_TABLE =
      Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z0-9_]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE_INDEX = Pattern.compile(
      "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z0-9_]+)", Pattern.CASE_INSENSITIVE);

  static MigrationScript load(String folder, int version, String description) {
    String resource = String.format("%s/V%03d__%s.sql", folder, version, description);
    try (InputStream in = MigrationScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + resource + " is missing from the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      return new MigrationScript(version, description, resource, text, sha256(text));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + resource, e);
    }
  }

  /** The script with the prefix filled in, as SQL a DBA can run. */
  String sql(String prefix) {
    return text.replace(PLACEHOLDER, prefix);
  }

  /** The statements, split on {@code ;} at line ends; comment lines dropped. Scripts hold no procedures. */
  List<String> statements(String prefix) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql(prefix).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  /** The tables the script creates, in order (statements {@code CREATE TABLE <name>}). */
  List<String> createdTables(String prefix) {
    List<String> tables = new ArrayList<>();
    for (String statement : statements(prefix)) {
      String table = created(CREATE_TABLE, statement);
      if (table != null) {
        tables.add(table);
      }
    }
    return tables;
  }

  /** The table or index {@code statement} creates, or null if it creates neither. */
  static String createdObject(String statement) {
    String table = created(CREATE_TABLE, statement);
    return table != null ? table : created(CREATE_INDEX, statement);
  }

  /** Whether {@code statement} creates an index (rather than a table). */
  static boolean createsIndex(String statement) {
    return created(CREATE_INDEX, statement) != null;
  }

  private static String created(Pattern pattern, String statement) {
    Matcher m = pattern.matcher(statement);
    return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
