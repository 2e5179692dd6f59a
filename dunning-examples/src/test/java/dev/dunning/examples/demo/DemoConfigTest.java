package dev.dunning.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoConfigTest {

  @Test
  void without_arguments_the_demo_listens_on_8080_keeps_its_data_in_dunning_demo_data_and_ticks_every_5_seconds() {
    DemoConfig config = DemoConfig.fromArgs(new String[0], Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("dunning-demo-data"));
    assertThat(config.tickEvery()).hasSeconds(5);
  }

  @Test
  void the_port_comes_from_the_environment_unless_an_argument_says_otherwise() {
    assertThat(DemoConfig.fromArgs(new String[0], Map.of("DUNNING_DEMO_PORT", "9090")).port()).isEqualTo(9090);
    assertThat(DemoConfig.fromArgs(new String[] {"--port", "9191", "--data", "/tmp/d"},
        Map.of("DUNNING_DEMO_PORT", "9090"))).satisfies(c -> {
          assertThat(c.port()).isEqualTo(9191);
          assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/d"));
        });
  }

  @Test
  void a_wrong_port_or_an_unknown_argument_is_named_in_the_error() {
    assertThatThrownBy(() -> DemoConfig.fromArgs(new String[] {"--port", "http"}, Map.of()))
        .hasMessage("--port must be a port number between 0 and 65535, was 'http'");
    assertThatThrownBy(() -> DemoConfig.fromArgs(new String[0], Map.of("DUNNING_DEMO_PORT", "70000")))
        .hasMessageContaining("DUNNING_DEMO_PORT");
    assertThatThrownBy(() -> DemoConfig.fromArgs(new String[] {"--verbose"}, Map.of()))
        .hasMessageContaining("unknown argument '--verbose'");
  }
}
