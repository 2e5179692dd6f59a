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
 * missing CSRF token, 404, 409 for a decision the case does not await, 500 for our own bugs). On the
 * debtor's portal those pages have the public layout and say what a debtor can do, never what went
 * wrong inside; and no log line names a portal path's token.
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
    boolean debtor = Paths.isPortal(exchange.path());
    String logged = Paths.loggable(exchange.path());
    try {
      for (Page page : pages) {
        if (page.handle(exchange)) {
          return true;
        }
      }
      throw new Exchange.NotFound("there is no page at this address");
    } catch (Exchange.Forbidden e) {
      exchange.html(HttpStatus.FORBIDDEN_403, debtor ? PortalHtml.problem("This form has expired",
          "The page was open too long, or came from elsewhere. Go back, reload the page and try again.")
          : Html.page("Refused", "<p class=\"error\">" + Html.esc(e.getMessage()) + "</p>"));
    } catch (Exchange.NotFound | CaseNotFoundException e) {
      exchange.html(HttpStatus.NOT_FOUND_404, debtor ? PortalHtml.linkNotValid()
          : Html.page("Not found", "<p>" + Html.esc(e.getMessage()) + "</p>"));
    } catch (Form.TooLargeOrMalformed e) {
      LOG.info("{} {}: {}", request.getMethod(), logged, e.getMessage(), e.getCause());
      exchange.html(HttpStatus.PAYLOAD_TOO_LARGE_413, debtor ? PortalHtml.problem("The file was not accepted",
          "What you sent is larger than we accept (files of at most 10 MB), or did not arrive whole. "
              + "Go back and choose a smaller file.")
          : Html.page("Not accepted", "<p class=\"error\">" + Html.esc(e.getMessage()) + "</p>"));
    } catch (IllegalStateException | IllegalArgumentException e) {
      // an illegal transition, a decision the case no longer awaits, a demand that no longer passes its checks…: say so, change nothing
      LOG.info("{} {} refused: {}", request.getMethod(), logged, e.toString(), e);
      exchange.html(HttpStatus.CONFLICT_409, debtor ? PortalHtml.problem("This could not be done",
          "Your request could not be carried out just now, and nothing was changed. Go back, reload the page and "
              + "try again; if it still fails, call or write to the sender of the message.")
          : Html.page("Not done", "<p class=\"error\">" + Html.esc(e.getMessage())
              + "</p><p><a href=\"/desk\">Back to the desk</a></p>"));
    } catch (Exception e) {
      LOG.error("{} {} failed", request.getMethod(), logged, e);
      exchange.html(HttpStatus.INTERNAL_SERVER_ERROR_500, debtor ? PortalHtml.problem("Something went wrong",
          "Our page failed, and nothing was changed. Please try again later; if it still fails, call or write to "
              + "the sender of the message.")
          : Html.page("Something went wrong", "<p>The demo hit a bug; the console shows the details.</p>"));
    }
    return true;
  }
}
