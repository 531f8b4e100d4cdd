package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example must stay valid and complete. The Debian package installs it as
 * /etc/smtpwatch/smtpwatch.yml, so it must load as it stands, with none of the files or secrets an
 * admin adds later. Those settings are commented out ({@code # key: value}); switched on, they must
 * load too. They point at files under /etc/smtpwatch, as a real install would; the test moves those
 * into a temporary directory instead of dropping keys.
 */
class ExampleConfigTest {

  private static final Path EXAMPLE = Path.of("smtpwatch.example.yml");

  /** A commented-out setting: "# " right before a key (or a list item's key) at its indentation. */
  private static final Pattern COMMENTED_SETTING =
      Pattern.compile("(?m)^( *)# ((?:- )?[a-z_]+:(?: .*)?)$");

  @TempDir Path dir;

  @Test
  void theExampleLoadsAsShippedWithoutFilesOrSecrets() throws IOException {
    ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get, () -> "unused");

    ConfigLoadResult result = loader.parse(Files.readString(EXAMPLE), EXAMPLE.toString(), dir);

    assertThat(result).isInstanceOf(ConfigLoadResult.Loaded.class);
    Config config = ((ConfigLoadResult.Loaded) result).config();
    assertThat(config.endpoints()).hasSize(8);
    assertThat(config.web().tlsEnabled()).isFalse();
    assertThat(config.web().basicAuthUsers()).isEmpty();
    assertThat(config.endpoints()).allSatisfy(endpoint -> assertThat(endpoint.auth()).isNull());
    assertThat(config.endpoints()).allSatisfy(e -> assertThat(e.tls().caFile()).isNull());
  }

  @Test
  void theExampleLoadsWithEveryCommentedSettingSwitchedOn() throws IOException {
    TestPem.writeCertificate(dir.resolve("internal-ca.pem"));
    TestPem.writeCertificate(dir.resolve("web.crt"));
    Path key = Files.writeString(dir.resolve("web.key"), "pem");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
    Path pass = Files.writeString(dir.resolve("monitor.pass"), "secret\n");
    Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
    String text =
        COMMENTED_SETTING
            .matcher(Files.readString(EXAMPLE))
            .replaceAll("$1$2")
            .replace("/etc/smtpwatch/", dir + "/");
    ConfigLoader loader =
        new ConfigLoader(Map.of("SMTPWATCH_MONITOR_PASSWORD", "secret")::get, () -> "unused");

    ConfigLoadResult result = loader.parse(text, EXAMPLE.toString(), dir);

    assertThat(result).isInstanceOf(ConfigLoadResult.Loaded.class);
    Config config = ((ConfigLoadResult.Loaded) result).config();
    assertThat(config.endpoints()).hasSize(8);
    assertThat(config.ehloName()).isEqualTo("probe.example.org");
    assertThat(config.web().tlsEnabled()).isTrue();
    assertThat(config.web().basicAuthUsers()).containsOnlyKeys("prometheus");
    assertThat(config.endpoints()).filteredOn(e -> e.auth() != null).hasSize(2);
    assertThat(config.endpoints()).filteredOn(e -> e.tls().caFile() != null).hasSize(1);
    assertThat(config.probe().allowUnconfigured()).hasSize(3);
    assertThat(config.domains())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.name()).isEqualTo("example.org");
              assertThat(d.templates())
                  .singleElement()
                  .satisfies(
                      t -> {
                        assertThat(t.port()).isEqualTo(25);
                        assertThat(t.labels()).containsEntry("domain", "example.org");
                      });
            });
    assertThat(config.dns().servers()).hasSize(1);
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
                SendReader.KEYS,
                WebReader.KEYS,
                ProbeAccessReader.KEYS,
                DomainReader.KEYS,
                DomainReader.MTA_STS_KEYS,
                DnsReader.KEYS)
            .flatMap(List::stream)
            .distinct()
            .toList();

    assertThat(keys).allSatisfy(key -> assertThat(text).containsPattern("(?m)[\\s{-]" + key + ":"));
  }
}
