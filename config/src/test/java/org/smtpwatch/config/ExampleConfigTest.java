package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example must stay valid and complete. It points at files under /etc/smtpwatch, as a
 * real install would; the test moves those into a temporary directory instead of dropping keys.
 */
class ExampleConfigTest {

  private static final Path EXAMPLE = Path.of("smtpwatch.example.yml");

  @TempDir Path dir;

  @Test
  void theExampleLoads() throws IOException {
    TestPem.writeCertificate(dir.resolve("internal-ca.pem"));
    TestPem.writeCertificate(dir.resolve("web.crt"));
    Path key = Files.writeString(dir.resolve("web.key"), "pem");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
    Path pass = Files.writeString(dir.resolve("monitor.pass"), "secret\n");
    Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
    String text = Files.readString(EXAMPLE).replace("/etc/smtpwatch/", dir + "/");
    ConfigLoader loader =
        new ConfigLoader(Map.of("SMTPWATCH_MONITOR_PASSWORD", "secret")::get, () -> "unused");

    ConfigLoadResult result = loader.parse(text, EXAMPLE.toString(), dir);

    assertThat(result).isInstanceOf(ConfigLoadResult.Loaded.class);
    Config config = ((ConfigLoadResult.Loaded) result).config();
    assertThat(config.endpoints()).hasSize(8);
    assertThat(config.ehloName()).isEqualTo("probe.example.org");
    assertThat(config.web().tlsEnabled()).isTrue();
    assertThat(config.web().basicAuthUsers()).containsOnlyKeys("prometheus");
    assertThat(config.probe().allowUnconfigured()).hasSize(3);
  }

  @Test
  void theExampleShowsEveryKey() throws IOException {
    String text = Files.readString(EXAMPLE);
    List<String> keys =
        Stream.of(
                RootReader.KEYS,
                TargetReader.KEYS,
                PortReader.KEYS,
                TlsReader.KEYS,
                TlsReader.OCSP_KEYS,
                AuthReader.KEYS,
                WebReader.KEYS,
                ProbeAccessReader.KEYS)
            .flatMap(List::stream)
            .distinct()
            .toList();

    assertThat(keys).allSatisfy(key -> assertThat(text).containsPattern("(?m)[\\s{-]" + key + ":"));
  }
}
