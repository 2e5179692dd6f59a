package dev.dunning.examples.demo.web;

import dev.dunning.portal.Upload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * A submitted form, URL-encoded or multipart, read with Jetty's own parsers under size limits:
 * the text fields and the uploaded files (kept in memory; the limits keep that small).
 *
 * @param fields text values by name, in order
 * @param files uploads by field name; a file input left empty is absent, an empty file chosen is not
 */
public record Form(Map<String, List<String>> fields, Map<String, List<Upload>> files) {
  /** Largest file accepted in one field: a little over the services' own 10 MB limit, so they say why. */
  public static final long MAX_FILE_BYTES = 11L * 1024 * 1024;
  /** Largest request body. */
  public static final long MAX_REQUEST_BYTES = 25L * 1024 * 1024;
  private static final int MAX_PARTS = 40;
  private static final int MAX_FIELDS = 200;
  private static final int MAX_FORM_CHARS = 200_000;

  /** Thrown when a request is larger than the limits or is not a form at all. */
  public static final class TooLargeOrMalformed extends RuntimeException {
    TooLargeOrMalformed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The first value of {@code name}, stripped, or empty. */
  public String get(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
  }

  /** The first file of {@code name}, or {@code null}. */
  public Upload file(String name) {
    List<Upload> list = files.get(name);
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  /** Every text field's first value, for re-displaying a form. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    fields.keySet().forEach(name -> values.put(name, get(name)));
    return values;
  }

  /** Reads the body of {@code request}; blocks until it is read. */
  public static Form read(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    try {
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
        return multipart(request, type);
      }
      Fields fields = FormFields.getFields(request, MAX_FIELDS, MAX_FORM_CHARS);
      Map<String, List<String>> map = new LinkedHashMap<>();
      fields.forEach(f -> map.put(f.getName(), f.getValues()));
      return new Form(map, Map.of());
    } catch (RuntimeException e) {
      throw new TooLargeOrMalformed("the form could not be read: it is larger than "
          + MAX_FILE_BYTES / (1024 * 1024) + " MB per file, or malformed", e);
    }
  }

  private static Form multipart(Request request, String contentType) {
    MultiPartConfig config = new MultiPartConfig.Builder().maxParts(MAX_PARTS).maxPartSize(MAX_FILE_BYTES)
        .maxMemoryPartSize(MAX_FILE_BYTES).maxSize(MAX_REQUEST_BYTES).maxHeadersSize(8 * 1024).build();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, List<Upload>> files = new LinkedHashMap<>();
    try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, contentType, config)) {
      for (MultiPart.Part part : parts) {
        if (isFile(part)) {
          if (part.getLength() == 0 && (part.getFileName() == null || part.getFileName().isEmpty())) {
            continue; // a file input left empty still sends an empty part, without a name; an empty file has one
          }
          ByteBuffer buffer = Content.Source.asByteBuffer(part.createContentSource());
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          files.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(new Upload(part.getFileName(), bytes));
        } else {
          fields.computeIfAbsent(part.getName(), k -> new ArrayList<>())
              .add(part.getContentAsString(StandardCharsets.UTF_8));
        }
      }
    } catch (java.io.IOException e) {
      throw new TooLargeOrMalformed("the upload could not be read", e);
    }
    return new Form(fields, files);
  }

  private static boolean isFile(MultiPart.Part part) {
    HttpField disposition = part.getHeaders().getField(HttpHeader.CONTENT_DISPOSITION);
    return part.getFileName() != null || (disposition != null && disposition.getValue().contains("filename="));
  }
}
