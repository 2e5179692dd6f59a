package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.RecoveryEngine;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Debtor;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the README's quick start exactly as printed, so the README cannot rot. */
class ReadmeQuickStartTest {
  private static final Pattern BLOCK =
      Pattern.compile("<!-- quickstart:start -->\\s*```java\\n(.*?)```\\s*<!-- quickstart:end -->", Pattern.DOTALL);

  @Test
  void theReadmeQuickStartCompilesRunsAndEndsWithAPaidCase(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher m = BLOCK.matcher(readme);
    assertThat(m.find()).as("README.md has a quickstart block").isTrue();
    String snippet = m.group(1);
    assertThat(snippet.lines().count()).as("the quick start stays short").isLessThanOrEqualTo(16);

    Path source = dir.resolve("QuickStart.java");
    Files.writeString(source, """
        import dev.dunning.*;
        import dev.dunning.model.*;
        import dev.dunning.playbook.*;
        import dev.dunning.spi.Channel;
        import dev.dunning.testing.MutableClock;
        import java.time.*;

        public class QuickStart {
          public static RecoveryEngine run(MutableClock clock, Creditor acme, Debtor debtor, Channel email,
              Channel letter, Channel registeredLetter, Channel court) {
        %s
            return engine;
          }
        }
        """.formatted(snippet));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean compiled = javac.getTask(errors, null, null,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString()), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();
    assertThat(compiled).as(errors.toString()).isTrue();

    RecordingChannel email = new RecordingChannel(ChannelType.EMAIL);
    Debtor debtor = Debtor.builder("D-1", "Brasserie Dupont SPRL").email("accounts@dupont.example")
        .address(PostalAddress.of("Rue du Marché 1", "1000", "Bruxelles", "BE"))
        .locale(Locale.forLanguageTag("fr-BE")).timeZone(ZoneId.of("Europe/Brussels")).build();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      RecoveryEngine engine = (RecoveryEngine) loader.loadClass("QuickStart").getMethod("run", MutableClock.class,
          dev.dunning.model.Creditor.class, Debtor.class, dev.dunning.spi.Channel.class, dev.dunning.spi.Channel.class,
          dev.dunning.spi.Channel.class, dev.dunning.spi.Channel.class).invoke(null,
          MutableClock.at("2026-02-20T08:00:00Z"), LadderWalkthroughMain.acme(), debtor, email,
          new RecordingChannel(ChannelType.LETTER), new RecordingChannel(ChannelType.REGISTERED_LETTER),
          new RecordingChannel(ChannelType.COURT_FILING));

      assertThat(email.sent()).singleElement().satisfies(msg -> assertThat(msg.message().stageId()).isEqualTo("reminder1"));
      RecoveryCase c = engine.query(dev.dunning.spi.CaseQuery.all()).get(0);
      assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    }
  }
}
