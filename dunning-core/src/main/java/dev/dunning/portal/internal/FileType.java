package dev.dunning.portal.internal;

/** The file types Dunning accepts from people, each recognised by its leading magic bytes. */
public enum FileType {
  PDF("application/pdf", "pdf", "PDF", new byte[] {'%', 'P', 'D', 'F', '-'}),
  PNG("image/png", "png", "PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  JPEG("image/jpeg", "jpg", "JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

  private final String mediaType;
  private final String extension;
  private final String label;
  private final byte[] magic;

  FileType(String mediaType, String extension, String label, byte[] magic) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.label = label;
    this.magic = magic;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public String label() {
    return label;
  }

  /** Whether {@code content} starts with this type's signature. */
  public boolean matches(byte[] content) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
