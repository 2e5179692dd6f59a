package dev.dunning.spi;

import java.util.Objects;

/**
 * A file: a rendered letter, an uploaded proof of payment, an invoice copy.
 *
 * @param filename a safe file name (no path), e.g. {@code formal-notice-C-1042.pdf}
 * @param mediaType e.g. {@code application/pdf}
 * @param content the bytes; callers must not modify the array
 * @since 0.1
 */
public record Document(String filename, String mediaType, byte[] content) {
  public static final String PDF = "application/pdf";

  public Document {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
  }

  @Override
  public String toString() {
    return "Document[" + filename + ", " + mediaType + ", " + content.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Document d && filename.equals(d.filename) && mediaType.equals(d.mediaType)
        && java.util.Arrays.equals(content, d.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filename, mediaType, java.util.Arrays.hashCode(content));
  }
}
