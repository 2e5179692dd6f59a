package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.RecoveryEngine;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.OutboxStatus;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the README's quick start exactly as printed, with only the imports the README
 * names, so the README cannot rot and a reader can copy it as it is.
 */
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
        import dev.dunning.playbook.Playbook;
        import dev.dunning.testing.*;
        import java.time.*;
        import java.util.*;

        public class QuickStart {
          public static RecoveryEngine run() {
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

    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      RecoveryEngine engine = (RecoveryEngine) loader.loadClass("QuickStart").getMethod("run").invoke(null);

      RecoveryCase c = engine.query(CaseQuery.all()).get(0);
      assertThat(engine.messages(c.id())).singleElement().satisfies(msg -> {
        assertThat(msg.stageId()).isEqualTo("reminder1");
        assertThat(msg.channel()).isEqualTo(ChannelType.EMAIL);
        assertThat(msg.status()).isEqualTo(OutboxStatus.SENT);
      });
      assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    }
  }
}
