package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-port banner_pattern key: read, compared by its text, refused above the port level. */
class BannerPatternConfigTest {

  @TempDir Path dir;

  private final ConfigLoader loader =
      new ConfigLoader(Map.<String, String>of()::get, () -> "p.test");

  @Test
  void aPortMayGiveABannerPattern() {
    Config config =
        load(
            """
            targets:
              - host: mx.example.com
                ports:
                  - {port: 25, banner_pattern: '^(\\S+) ESMTP'}
                  - 587
            """);

    assertThat(config.endpoints().get(0).bannerPattern().regex()).isEqualTo("^(\\S+) ESMTP");
    assertThat(config.endpoints().get(0).bannerPattern().keep("mx.example.com ESMTP x1"))
        .hasValue("mx.example.com");
    assertThat(config.endpoints().get(1).bannerPattern()).isNull();
  }

  @Test
  void theSamePatternLoadedTwiceIsTheSameEndpoint() {
    String yaml = "targets: [{host: mx.example.com, ports: [{port: 25, banner_pattern: 'ESMTP'}]}]";

    assertThat(load(yaml).endpoints()).isEqualTo(load(yaml).endpoints());
  }

  @Test
  void aTargetCannotGiveOneForAllItsPorts() {
    ConfigLoadResult result =
        loader.parse(
            "targets: [{host: mx.example.com, banner_pattern: 'x', ports: [25]}]", "t.yml", dir);

    assertThat(result).isInstanceOf(ConfigLoadResult.Invalid.class);
    assertThat(((ConfigLoadResult.Invalid) result).errors())
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.message())
                    .isEqualTo(
                        "\"banner_pattern\" is not allowed here: banner_pattern is set per port,"
                            + " e.g. ports: [{port: 25, banner_pattern: '...'}]"));
  }

  private Config load(String yaml) {
    ConfigLoadResult result = loader.parse(yaml, "test.yml", dir);
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new AssertionError("expected a valid config, got " + invalid.errors());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }
}
