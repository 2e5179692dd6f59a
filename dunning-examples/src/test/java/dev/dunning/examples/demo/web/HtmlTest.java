package dev.dunning.examples.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void every_character_that_could_open_markup_or_leave_an_attribute_is_escaped() {
    assertThat(Html.esc("<script>alert('x')</script> & \"q\"")).isEqualTo(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Html.esc(null)).isEmpty();
  }

  @Test
  void a_kept_value_and_its_error_are_escaped_in_the_field() {
    String field = Html.input("Name", "debtor.name", "text", Map.of("debtor.name", "\"><img src=x>"),
        Map.of("debtor.name", "<b>bad</b>"));

    assertThat(field).contains("value=\"&quot;&gt;&lt;img src=x&gt;\"", "&lt;b&gt;bad&lt;/b&gt;",
        "id=\"error-debtor.name\"").doesNotContain("<img", "<b>");
  }

  @Test
  void links_in_an_email_text_become_anchors_and_everything_else_stays_text() {
    assertThat(Html.linkify("Pay <here>: http://127.0.0.1:8080/p/acme/abc_-1 now"))
        .isEqualTo("Pay &lt;here&gt;: <a href=\"http://127.0.0.1:8080/p/acme/abc_-1\">http://127.0.0.1:8080/p/acme/abc_-1"
            + "</a> now");
  }
}
