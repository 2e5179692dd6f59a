package dev.dunning.examples.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.examples.demo.DemoServerFixture;
import dev.dunning.examples.demo.WebSession;
import dev.dunning.examples.demo.WebSession.FilePart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a debtor sees when something goes wrong on the portal: the public layout, with what they
 * can do about it, never the desk's links nor an internal message; and the console never logs the
 * token of the path.
 */
class PortalErrorPagesTest {
  private static DemoServerFixture demo;
  private static URI link;

  @BeforeAll
  static void start() {
    demo = DemoServerFixture.start();
    demo.tick();
    link = demo.portalLinkSentTo("accounts@clarke-catering-ltd.example");
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  private static void assertPublic(HttpResponse<String> page) {
    assertThat(page.body()).contains("class=\"portal\"").doesNotContain("/desk", "/mailbox", "Collection desk");
  }

  @Test
  void the_console_never_logs_the_token_of_a_portal_path() {
    WebSession debtor = new WebSession(demo);
    debtor.get(link.toString());
    byte[] tooLarge = new byte[12 * 1024 * 1024];
    Arrays.fill(tooLarge, (byte) 'x');
    PrintStream console = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    HttpResponse<String> oversized;
    HttpResponse<String> conflict;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      oversized = debtor.postMultipart(link + "/proof", List.of(new FilePart("file", "proof.pdf", tooLarge)));
      conflict = debtor.get(link + "?done=%C3"); // a query that cannot be decoded: the demo answers 409
    } finally {
      System.setErr(console);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(log).contains("/p/acme/{token}/proof").doesNotContain(DemoServerFixture.tokenOf(link));
    assertPublic(oversized);
    assertThat(oversized.body()).contains("at most 10 MB");
    assertPublic(conflict);
    assertThat(conflict.body()).contains("nothing was changed").doesNotContain("Bad query", "Exception");
  }

  @Test
  void a_form_without_its_token_is_refused_on_a_public_page() {
    HttpResponse<String> refused = demo.send(HttpRequest.newBuilder(URI.create(link + "/promise"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("date=" + demo.today().plusDays(3))).build());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertPublic(refused);
    assertThat(refused.body()).contains("reload the page");
  }

  @Test
  void an_unknown_portal_address_gets_the_page_of_a_link_that_opens_nothing() {
    HttpResponse<String> page = new WebSession(demo).get(link + "/nothing-here");

    assertThat(page.statusCode()).isEqualTo(404);
    assertPublic(page);
    assertThat(page.body()).contains("no longer opens anything");
  }

  @Test
  void an_empty_file_reaches_the_portal_service_which_says_it_is_empty() {
    WebSession debtor = new WebSession(demo);
    debtor.get(link.toString());
    HttpResponse<String> page = debtor.postMultipart(link + "/proof", List.of(new FilePart("file", "proof.pdf",
        new byte[0])));

    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body()).contains("id=\"error-proof.file\"", "the file is empty").doesNotContain("choose a file");
  }
}
