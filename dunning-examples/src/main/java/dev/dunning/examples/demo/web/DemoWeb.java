package dev.dunning.examples.demo.web;

import dev.dunning.examples.demo.DemoServices;
import dev.dunning.examples.demo.Mailbox;
import dev.dunning.spi.CaseNotFoundException;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's web pages as one Jetty handler: sets the security headers on every response, hands
 * the request to the page family that owns its path, and turns failures into pages (403 for a
 * missing CSRF token, 404, 409 for a decision the case does not await, 500 for our own bugs).
 */
public final class DemoWeb extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(DemoWeb.class);
  /** No script at all; styles only from our own stylesheet; forms only to ourselves; never framed. */
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  private final Csrf csrf = new Csrf();
  private final List<Page> pages;

  private DemoWeb(List<Page> pages) {
    this.pages = pages;
  }

  /** The handler serving every page of the demo. */
  public static Handler handler(DemoServices services, Mailbox mailbox) {
    return new DemoWeb(List.of(new HomePage(), new Stylesheet(), new DemandPage(services), new DeskPage(services),
        new CasePage(services), new PortalPage(services), new MailboxPage(mailbox)));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    var headers = response.getHeaders();
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cache-Control", "no-store");
    headers.put("X-Frame-Options", "DENY");
    Exchange exchange = new Exchange(request, response, callback, csrf);
    try {
      for (Page page : pages) {
        if (page.handle(exchange)) {
          return true;
        }
      }
      throw new Exchange.NotFound("there is no page at this address");
    } catch (Exchange.Forbidden e) {
      exchange.html(HttpStatus.FORBIDDEN_403, Html.page("Refused", "<p class=\"error\">" + Html.esc(e.getMessage())
          + "</p>"));
    } catch (Exchange.NotFound | CaseNotFoundException e) {
      exchange.html(HttpStatus.NOT_FOUND_404, Html.page("Not found", "<p>" + Html.esc(e.getMessage()) + "</p>"));
    } catch (Form.TooLargeOrMalformed e) {
      LOG.info("{} {}: {}", request.getMethod(), exchange.path(), e.getMessage(), e.getCause());
      exchange.html(HttpStatus.PAYLOAD_TOO_LARGE_413, Html.page("Not accepted", "<p class=\"error\">"
          + Html.esc(e.getMessage()) + "</p>"));
    } catch (IllegalStateException | IllegalArgumentException e) {
      // an illegal transition, a decision the case no longer awaits, a demand that no longer passes its checks…: say so, change nothing
      LOG.info("{} {} refused: {}", request.getMethod(), exchange.path(), e.toString(), e);
      exchange.html(HttpStatus.CONFLICT_409, Html.page("Not done", "<p class=\"error\">" + Html.esc(e.getMessage())
          + "</p><p><a href=\"/desk\">Back to the desk</a></p>"));
    } catch (Exception e) {
      LOG.error("{} {} failed", request.getMethod(), exchange.path(), e);
      exchange.html(HttpStatus.INTERNAL_SERVER_ERROR_500, Html.page("Something went wrong",
          "<p>The demo hit a bug; the console shows the details.</p>"));
    }
    return true;
  }
}
