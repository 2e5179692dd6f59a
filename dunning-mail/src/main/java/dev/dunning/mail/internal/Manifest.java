package dev.dunning.mail.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The CSV manifest beside the letters of an outgoing folder: one line per letter, keyed by the
 * idempotency key in the first column. Appending takes a file lock and first reads the file, so a
 * retried letter (same key) never gets a second line, even with several processes on one folder.
 */
public final class Manifest {
  public static final String HEADER =
      "idempotency_key,case_id,channel,debtor_name,address,file_name,sha256,timestamp\n";

  private final Path file;

  public Manifest(Path file) {
    this.file = file;
  }

  /** Appends {@code fields} as a line unless a line for {@code fields[0]} exists; returns whether it appended. */
  public synchronized boolean appendOnce(List<String> fields) throws IOException {
    String key = csv(fields.get(0)) + ",";
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      ByteBuffer all = ByteBuffer.allocate((int) channel.size());
      while (all.hasRemaining() && channel.read(all, all.position()) > 0) {
        // read the whole file: manifests are handed over and emptied daily, so they stay small
      }
      String existing = new String(all.array(), 0, all.position(), StandardCharsets.UTF_8);
      if (existing.startsWith(key) || existing.contains("\n" + key)) {
        return false;
      }
      StringBuilder line = new StringBuilder(existing.isEmpty() ? HEADER : "");
      for (int i = 0; i < fields.size(); i++) {
        line.append(i == 0 ? "" : ",").append(csv(fields.get(i)));
      }
      line.append('\n');
      channel.write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)), channel.size());
      channel.force(true);
      return true;
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
}
