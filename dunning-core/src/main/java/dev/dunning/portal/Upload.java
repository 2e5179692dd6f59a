package dev.dunning.portal;

import java.util.Arrays;

/**
 * A file a person sent: the name their browser gave and the bytes. Nothing here is trusted: the
 * type is recognised from the content, the name is checked and kept only as sanitised metadata.
 * There is deliberately no "declared media type": a client can claim anything.
 *
 * @param filename the name as sent (may be {@code null}, blank or hostile: it is checked)
 * @param content the bytes; callers must not modify the array afterwards
 * @since 0.1
 */
public record Upload(String filename, byte[] content) {

  public Upload {
    content = content == null ? new byte[0] : content;
  }

  public long size() {
    return content.length;
  }

  @Override
  public String toString() {
    // never the content, and the name only as a length: it is user input and may carry anything
    return "Upload[" + content.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Upload u && java.util.Objects.equals(filename, u.filename) && Arrays.equals(content, u.content);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hashCode(filename) + Arrays.hashCode(content);
  }
}
