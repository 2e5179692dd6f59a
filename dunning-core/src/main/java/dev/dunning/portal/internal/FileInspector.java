package dev.dunning.portal.internal;

import dev.dunning.portal.Upload;
import java.text.Normalizer;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether an uploaded file may be kept: a name without path or control characters, some
 * content, at most the size limit, and a type recognised from the content's magic bytes (never from
 * the name). Pure: it looks, it stores nothing.
 */
public final class FileInspector {
  /** Longest name most file systems accept; longer ones are a sign of abuse. */
  static final int MAX_NAME_LENGTH = 255;
  /** Length of the sanitised name kept as metadata. */
  static final int MAX_KEPT_NAME_LENGTH = 100;

  private FileInspector() {}

  /**
   * What inspection found: the detected type and the sanitised original name, or a problem.
   *
   * @param type the detected type, {@code null} if rejected
   * @param safeName the original name reduced to harmless characters, {@code null} if rejected
   * @param code the stable problem code, {@code null} if accepted
   * @param message the problem, for people, {@code null} if accepted
   */
  public record Verdict(FileType type, String safeName, String code, String message) {
    static Verdict reject(String code, String message) {
      return new Verdict(null, null, code, message);
    }

    public boolean accepted() {
      return code == null;
    }
  }

  public static Verdict inspect(Upload upload, long maxBytes, Set<FileType> allowed) {
    String name = upload.filename();
    if (name == null || name.isBlank()) {
      return Verdict.reject("file.name.missing", "the file has no name");
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch < 0x20 || ch == 0x7F) {
        return Verdict.reject("file.name.control_character",
            "the file name contains a control character (such as NUL); rename the file and try again");
      }
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
      return Verdict.reject("file.name.path",
          "the file name contains a path (such as '/' or '..'); send the file itself under a plain name");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Verdict.reject("file.name.too_long", "the file name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    byte[] content = upload.content();
    if (content.length == 0) {
      return Verdict.reject("file.empty", "the file is empty");
    }
    if (content.length > maxBytes) {
      return Verdict.reject("file.too_large", "the file is " + content.length + " bytes; at most " + maxBytes
          + " bytes (" + describe(maxBytes) + ") are accepted");
    }
    for (FileType type : allowed) {
      if (type.matches(content)) {
        return new Verdict(type, safeName(name), null, null);
      }
    }
    String labels = allowed.stream().map(FileType::label).sorted().collect(Collectors.joining(", "));
    return Verdict.reject("file.type", "only " + labels + " files are accepted, and this file's content is none of "
        + "them (the content is checked, not the name)");
  }

  /**
   * The name reduced to letters, digits, spaces and {@code . _ - ( )}, without leading dots, at most
   * {@value #MAX_KEPT_NAME_LENGTH} characters: safe to show in a page or a mail, never used as a path; {@code "file"} for a {@code null} or empty name.
   */
  public static String safeName(String name) {
    if (name == null) {
      return "file";
    }
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder();
    nfc.codePoints().forEach(cp -> {
      boolean ok = Character.isLetterOrDigit(cp) || cp == ' ' || cp == '.' || cp == '_' || cp == '-'
          || cp == '(' || cp == ')';
      sb.appendCodePoint(ok ? cp : '_');
    });
    String safe = sb.toString().replaceFirst("^[.\\s]+", "").strip();
    if (safe.length() > MAX_KEPT_NAME_LENGTH) {
      // keep the end, where the extension is; never start on half a surrogate pair
      safe = safe.substring(safe.length() - MAX_KEPT_NAME_LENGTH);
      if (Character.isLowSurrogate(safe.charAt(0))) {
        safe = safe.substring(1);
      }
    }
    return safe.isEmpty() ? "file" : safe;
  }

  private static String describe(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
