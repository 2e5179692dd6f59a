package dev.dunning.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.util.StreamProvider;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailContextLoaderTest {
  private final Session session = Session.getInstance(new Properties());

  @Test
  void jakarta_mail_finds_the_sessions_stream_provider_through_it() {
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = MailContextLoader.over(original, session);
    assertThat(loader).isInstanceOf(MailContextLoader.class);
    Thread.currentThread().setContextClassLoader(loader);
    try {
      assertThat(StreamProvider.provider()).isExactlyInstanceOf(session.getStreamProvider().getClass());
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }

  @Test
  void every_other_class_and_resource_comes_from_the_original_loader() throws Exception {
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = MailContextLoader.over(original, session);
    assertThat(loader.loadClass(Session.class.getName())).isSameAs(Session.class);
    assertThat(loader.getResource("META-INF/mailcap")).isEqualTo(original.getResource("META-INF/mailcap"));
    assertThat(java.util.Collections.list(loader.getResources("META-INF/mailcap")))
        .isEqualTo(java.util.Collections.list(original.getResources("META-INF/mailcap")));
  }

  @Test
  void without_a_context_class_loader_nothing_is_put_in_place() {
    assertThat(MailContextLoader.over(null, session)).isNull();
  }
}
