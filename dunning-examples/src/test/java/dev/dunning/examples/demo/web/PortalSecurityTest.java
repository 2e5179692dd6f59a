package dev.dunning.examples.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.examples.demo.DemoServerFixture;
import dev.dunning.model.CaseStatus;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portal's headers, and CSRF: a POST without the token of its session changes nothing. */
class PortalSecurityTest {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static DemoServerFixture demo;
  private static URI link;

  @BeforeAll
  static void start() {
    demo = DemoServerFixture.start();
    demo.tick();
    link = demo.portalLinkSentTo("accounts@boulangerie-martin-sarl.example");
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void the_portal_page_is_sent_with_no_referrer_no_store_nosniff_and_a_csp_without_inline_script_or_style() {
    HttpResponse<String> page = demo.get(link.toString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(page.body()).contains("Boulangerie Martin SARL", "640.00 EUR")
        .doesNotContain("<script", " style=", "<style");
  }

  @Test
  void a_link_that_opens_nothing_gets_the_same_not_found_page_with_the_same_headers() {
    HttpResponse<String> page = demo.get(demo.url("/p/acme/" + "A".repeat(43)));

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.body()).contains("no longer opens anything");
  }

  @Test
  void a_promise_posted_without_a_csrf_token_or_with_another_sessions_token_is_refused_and_changes_nothing() {
    HttpResponse<String> page = demo.get(link.toString());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String date = demo.today().plusDays(5).toString();

    HttpResponse<String> noToken = post(link + "/promise", null, "date=" + date);
    HttpResponse<String> noCookie = post(link + "/promise", null, "csrf=" + token(page.body()) + "&date=" + date);
    HttpResponse<String> forged = post(link + "/promise", cookie, "csrf=forged&date=" + date);

    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noCookie.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(demo.app.services().engine().find("DEMO-05").orElseThrow().status()).isEqualTo(CaseStatus.OPEN);

    HttpResponse<String> genuine = post(link + "/promise", cookie, "csrf=" + token(page.body()) + "&date=" + date);
    assertThat(genuine.statusCode()).isEqualTo(303);
    assertThat(demo.app.services().engine().find("DEMO-05").orElseThrow().status()).isEqualTo(CaseStatus.ON_HOLD);
  }

  @Test
  void a_desk_action_posted_without_a_token_is_refused_too() {
    HttpResponse<String> tick = post(demo.url("/desk/clock"), null, "days=30");

    assertThat(tick.statusCode()).isEqualTo(403);
    assertThat(demo.app.services().clock().offset()).isZero();
  }

  private static HttpResponse<String> post(String url, String cookie, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return demo.send(request.build());
  }

  private static String token(String html) {
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find()).as("the page has a CSRF field").isTrue();
    return m.group(1);
  }
}
