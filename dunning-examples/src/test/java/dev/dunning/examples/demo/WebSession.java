package dev.dunning.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of HTTP against the demo, without a browser: a cookie jar, the CSRF token of
 * the last page read, and forms posted the way a browser posts them (URL-encoded, or multipart with
 * files). Redirects are not followed, so tests see the 303; {@link #follow} reads where it points.
 */
public final class WebSession {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** A file to upload: the name the browser sends and the bytes. */
  public record FilePart(String field, String filename, byte[] content) {}

  private final DemoServerFixture demo;
  private final HttpClient http;
  private String csrf;

  public WebSession(DemoServerFixture demo) {
    this.demo = demo;
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** GETs {@code target} (a path on the demo, or a whole URL) and keeps the page's CSRF token. */
  public HttpResponse<String> get(String target) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri(target)).GET().build());
    Matcher m = CSRF.matcher(page.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return page;
  }

  /** GETs the page a redirect points to. */
  public HttpResponse<String> follow(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode() + "\n" + redirect.body()));
    return get(URI.create(redirect.uri().toString()).resolve(location).toString());
  }

  /** POSTs a URL-encoded form ({@code name, value, name, value…}) with the CSRF token of the last page read. */
  public HttpResponse<String> post(String target, String... nameValues) {
    Map<String, String> fields = fields(nameValues);
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(target)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** POSTs a multipart form: the fields ({@code name, value…}, plus the CSRF token) and the files. */
  public HttpResponse<String> postMultipart(String target, List<FilePart> files, String... nameValues) {
    String boundary = "----dunning-test-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields(nameValues).forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; "
        + "name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
    for (FilePart f : files) {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
          + f.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(f.content());
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return send(HttpRequest.newBuilder(uri(target)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private Map<String, String> fields(String... nameValues) {
    if (csrf == null) {
      throw new IllegalStateException("read a page with a form first: its CSRF token goes with the post");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", csrf);
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      fields.put(nameValues[i], nameValues[i + 1]);
    }
    return fields;
  }

  private URI uri(String target) {
    return URI.create(target.startsWith("http") ? target : demo.url(target));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
