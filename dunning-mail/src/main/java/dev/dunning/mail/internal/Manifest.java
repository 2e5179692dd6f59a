package dev.dunning.mail.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CSV manifest beside the letters of an outgoing folder: one line per letter, keyed by the
 * idempotency key in the first column, and the record of what was handed over to the provider.
 * {@link #appendOnce} takes a file lock, reads the file and, only if the key has no line yet,
 * puts the letter's file in place and appends its line, so a key gets one line and one file even
 * with several processes on one folder.
 */
public final class Manifest {
  public static final String HEADER =
      "idempotency_key,case_id,channel,debtor_name,address,file_name,sha256,timestamp\n";
  /** The columns of {@link #HEADER} a caller reads back. */
  public static final int FILE_NAME = 5;
  public static final int SHA256 = 6;
  public static final int TIMESTAMP = 7;

  /** Writes the file a manifest line stands for. */
  @FunctionalInterface
  public interface FileWriter {
    void write() throws IOException;
  }

  private final Path file;

  public Manifest(Path file) {
    this.file = file;
  }

  /**
   * Unless a line for {@code fields[0]} exists, runs {@code writeFile} and appends {@code fields}
   * as a line, under the manifest's lock. Returns the fields of the existing line, or empty if it
   * appended.
   */
  public synchronized Optional<List<String>> appendOnce(List<String> fields, FileWriter writeFile) throws IOException {
    String key = csv(fields.get(0)) + ",";
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      ByteBuffer all = ByteBuffer.allocate((int) channel.size());
      while (all.hasRemaining() && channel.read(all, all.position()) > 0) {
        // read the whole file: manifests are handed over and emptied daily, so they stay small
      }
      String existing = new String(all.array(), 0, all.position(), StandardCharsets.UTF_8);
      int at = existing.startsWith(key) ? 0 : existing.indexOf("\n" + key);
      if (at >= 0) {
        int start = existing.charAt(at) == '\n' ? at + 1 : at;
        int end = existing.indexOf('\n', start);
        return Optional.of(parse(existing.substring(start, end < 0 ? existing.length() : end)));
      }
      writeFile.write();
      StringBuilder line = new StringBuilder(existing.isEmpty() ? HEADER : "");
      for (int i = 0; i < fields.size(); i++) {
        line.append(i == 0 ? "" : ",").append(csv(fields.get(i)));
      }
      line.append('\n');
      channel.write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)), channel.size());
      channel.force(true);
      return Optional.empty();
    }
  }

  /** RFC 4180 quoting; line breaks become spaces so every record stays on one line for line-based tools. */
  static String csv(String value) {
    String v = value == null ? "" : value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** The fields of one line {@link #csv} wrote. */
  static List<String> parse(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
