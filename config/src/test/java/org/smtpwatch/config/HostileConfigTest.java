package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written to hurt the loader rather than by mistake: deep nesting, alias bombs, control
 * characters, enormous values and files, devices. Each is refused with a message that says what and
 * where, in bounded time and memory, never with a stack trace.
 */
class HostileConfigTest {

  private static final String ALIAS = "YAML aliases (*name) are not supported; repeat the value";

  @TempDir Path dir;

  private final ConfigLoader loader =
      new ConfigLoader(Map.<String, String>of()::get, () -> "probe.test");

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake(
            "deep-nesting.yml",
            "deep-nesting.yml:4:46: lists and mappings nested deeper than 32 levels; a config"
                + " needs at most 6"),
        arguments("anchor-bomb.yml", anchorBomb()),
        mistake(
            "nul-byte.yml",
            "nul-byte.yml:2:16: control character U+0000 is not allowed in YAML; remove it"),
        mistake(
            "tab-indentation.yml",
            "tab-indentation.yml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot"
                + " start any token. (Do not use \\t(TAB) for indentation)"),
        mistake(
            "complex-key.yml",
            "complex-key.yml:2:8: YAML syntax error: a key must be plain text, not a list or"
                + " mapping"),
        mistake(
            "merge-key.yml",
            "merge-key.yml:3:5: targets[1]: missing ports (e.g. ports: [25, 587])",
            "merge-key.yml:3:9: targets[1].<<: " + ALIAS),
        mistake(
            "long-value.yml",
            "long-value.yml:2:11: targets[0].host: \""
                + "mail-".repeat(16)
                + "\u2026\" (313 characters) is not a valid host name or IP address"),
        arguments("too-many-mistakes.yml", tooManyMistakes()));
  }

  private static Arguments mistake(String file, String... expected) {
    return arguments(file, List.of(expected));
  }

  private static List<String> anchorBomb() {
    List<String> expected = new ArrayList<>();
    for (int target = 1; target <= 2; target++) {
      int line = target == 1 ? 6 : 8;
      int column = target == 1 ? 16 : 13;
      for (int i = 0; i < 9; i++) {
        expected.add(
            "anchor-bomb.yml:%d:%d: targets[%d].ports[%d]: %s"
                .formatted(line, column + 4 * i, target, i, ALIAS));
      }
    }
    return expected;
  }

  private static List<String> tooManyMistakes() {
    List<String> expected =
        new ArrayList<>(
            IntStream.range(0, ConfigLimits.MAX_ERRORS)
                .mapToObj(
                    i ->
                        "too-many-mistakes.yml:3:%d: targets[0].ports[%d]: port %d is out of range (1-65535)"
                            .formatted(13 + 6 * i, i, 70000 + i))
                .toList());
    expected.add("too-many-mistakes.yml: and 10 more mistakes not shown");
    return expected;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsTheMistakeWithFileLineColumnAndPath(String file, List<String> expected) {
    assertThat(errors(loader.parse(InvalidConfigTest.resource(file), file, dir)))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aFileLargerThanOneMebibyteIsRefusedUnread() throws IOException {
    Path huge = dir.resolve("huge.yml");
    Files.writeString(
        huge, "targets: [{host: a.example, ports: [25]}]\n" + "# padding\n".repeat(120_000));

    assertThat(errors(loader.load(huge)))
        .containsExactly(
            huge
                + ": cannot read the config file: it is larger than 1 MiB; a config file may be at"
                + " most 1048576 bytes");
  }

  @Test
  void aDeviceThatNeverEndsIsReadOnlyUpToTheLimit() {
    assertThat(errors(loader.load(Path.of("/dev/zero"))))
        .containsExactly(
            "/dev/zero: cannot read the config file: it is larger than 1 MiB; a config file may be"
                + " at most 1048576 bytes");
  }

  @Test
  void aPathThroughAFileSaysSoOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");

    assertThat(errors(loader.load(file.resolve("config.yml"))))
        .containsExactly(
            file.resolve("config.yml") + ": cannot read the config file: not a directory");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() throws IOException {
    Path latin1 = dir.resolve("latin1.yml");
    Files.write(
        latin1,
        "targets: [{host: caf\u00e9.example, ports: [25]}]\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThat(errors(loader.load(latin1)))
        .containsExactly(latin1 + ": cannot read the config file: not valid UTF-8 text");
  }

  @Test
  void aValueOfAHundredKilobytesIsQuotedByItsBeginning() throws IOException {
    Path file = dir.resolve("long.yml");
    Files.writeString(file, "targets: [{host: " + "a".repeat(100_000) + "!, ports: [25]}]\n");

    assertThat(errors(loader.load(file)))
        .containsExactly(
            file
                + ":1:18: targets[0].host: \""
                + "a".repeat(ConfigLimits.MAX_QUOTED)
                + "\u2026\" (100001 characters) is not a valid host name or IP address");
  }

  @Test
  void aByteOrderMarkIsNotAControlCharacter() {
    ConfigLoadResult result =
        loader.parse("\ufefftargets: [{host: a.example, ports: [25]}]\n", "bom.yml", dir);

    assertThat(result).isInstanceOf(ConfigLoadResult.Loaded.class);
  }

  private static List<String> errors(ConfigLoadResult result) {
    assertThat(result).isInstanceOf(ConfigLoadResult.Invalid.class);
    return ((ConfigLoadResult.Invalid) result)
        .errors().stream().map(ConfigError::toString).toList();
  }
}
