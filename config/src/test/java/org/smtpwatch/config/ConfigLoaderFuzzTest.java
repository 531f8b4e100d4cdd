package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whatever text a config file holds, the loader returns a config or located errors, never an
 * exception, and its messages stay short. The corpus in {@code ConfigLoaderFuzzTestInputs/} runs in
 * every build; {@code JAZZER_FUZZ=1} explores (README).
 */
class ConfigLoaderFuzzTest {

  private static final String FILE = "fuzz.yml";

  /** Nothing is ever there: file options in fuzzed text must not read the machine's files. */
  private static final Path BASE_DIR = Path.of("/nonexistent/smtpwatch-fuzz");

  /** Quotes of the file are cut at 80 characters; paths and explanations add a few hundred. */
  private static final int MAX_MESSAGE = 1_000;

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("SMTPWATCH_FUZZ", "secret")::get, () -> "probe.test");

  @FuzzTest
  void anyTextLoadsOrGivesLocatedErrors(byte[] file) {
    // As ConfigLoader.load reads a file, but leniently: the fuzzer's bytes rarely are UTF-8.
    String yaml = new String(file, StandardCharsets.UTF_8);
    ConfigLoadResult result = loader.parse(yaml, FILE, BASE_DIR);

    if (result instanceof ConfigLoadResult.Invalid invalid) {
      assertThat(invalid.errors())
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(ConfigLimits.MAX_ERRORS + 1);
      long lines = yaml.lines().count();
      for (ConfigError error : invalid.errors()) {
        assertThat(error.file()).isEqualTo(FILE);
        assertThat(error.message()).isNotBlank();
        assertThat(error.toString()).hasSizeLessThan(MAX_MESSAGE);
        assertThat(error.line()).isBetween(0, (int) lines + 1);
        assertThat(error.column()).isNotNegative();
        if (error.line() == 0) {
          assertThat(error.column()).isZero();
        }
      }
    } else {
      assertThat(((ConfigLoadResult.Loaded) result).config()).isNotNull();
    }
  }
}
