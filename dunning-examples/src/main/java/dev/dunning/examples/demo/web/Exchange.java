package dev.dunning.examples.demo.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its response, with what every page does: read the form (checking its CSRF
 * token), answer with a page, a redirect or a download. Handlers receive one of these and never
 * touch Jetty's types beyond it.
 */
public final class Exchange {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final Csrf csrf;
  private final String path;

  Exchange(Request request, Response response, Callback callback, Csrf csrf) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.csrf = csrf;
    this.path = Request.getPathInContext(request);
  }

  /** Refused: the POST did not carry the token of its session. */
  public static final class Forbidden extends RuntimeException {
    Forbidden() {
      super("this form has expired or did not come from this site: reload the page and try again");
    }
  }

  /** Nothing here. */
  public static final class NotFound extends RuntimeException {
    public NotFound(String what) {
      super(what);
    }
  }

  public String path() {
    return path;
  }

  public boolean isGet() {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  public boolean isPost() {
    return "POST".equals(request.getMethod());
  }

  /** A query parameter, or empty. */
  public String query(String name) {
    String value = Request.extractQueryParameters(request).getValue(name);
    return value == null ? "" : value;
  }

  /** The token the page's forms must carry. */
  public String csrfToken() {
    return csrf.token(request, response);
  }

  /** The submitted form, after checking its CSRF token. */
  public Form form() {
    Form form = Form.read(request);
    if (!csrf.valid(request, form.get(Csrf.FIELD))) {
      throw new Forbidden();
    }
    return form;
  }

  public void html(String page) {
    html(HttpStatus.OK_200, page);
  }

  public void html(int status, String page) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    response.write(true, ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** 303 See Other to {@code location} on this site, so a reload never re-submits a form. */
  public void redirect(String location) {
    Response.sendRedirect(request, response, callback, HttpStatus.SEE_OTHER_303, location, true);
  }

  /** A file, as a download (never rendered inline: its content came from outside). */
  public void download(String filename, String mediaType, byte[] content) {
    String safe = filename.replaceAll("[^A-Za-z0-9._-]", "_");
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, mediaType);
    response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + safe + "\"");
    response.write(true, ByteBuffer.wrap(content), callback);
  }

  /** Text served with its own content type and headers (the stylesheet, an e-mail's HTML). */
  public void raw(String mediaType, String body) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, mediaType);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** Replaces one response header set by default (e.g. a stricter CSP for an e-mail's HTML). */
  public void header(String name, String value) {
    response.getHeaders().put(name, value);
  }
}
