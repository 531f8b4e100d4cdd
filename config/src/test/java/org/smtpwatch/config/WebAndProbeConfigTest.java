package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code web:} and {@code probe:} blocks: defaults, values, and what the patterns match. */
class WebAndProbeConfigTest {

  private static final String HASH = "$2y$10$.UWCiim6KgcUqxIu2Hmnz.8L3/hLgf3HTZegJV90onPC6wZG3xsp6";
  private static final String TARGETS = "targets: [{host: mail.example.com, ports: [587]}]\n";

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get, () -> "p.t");

  @Test
  void withoutTheBlocksThereIsNoTlsNoLoginAndNoUnconfiguredProbing() {
    Config config = load(TARGETS);

    assertThat(config.web()).isEqualTo(WebConfig.NONE);
    assertThat(config.web().tlsEnabled()).isFalse();
    assertThat(config.web().basicAuthEnabled()).isFalse();
    assertThat(config.probe().allowUnconfigured()).isEmpty();
    assertThat(config.probe().allowsUnconfigured("mail.example.org")).isFalse();
  }

  @Test
  void webBlockReadsFilesRelativeToTheConfigAndKeepsHashesOutOfToString() throws IOException {
    TestPem.writeCertificate(dir.resolve("web.crt"));
    Path key = Files.writeString(dir.resolve("web.key"), "pem");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

    Config config =
        load(
            "web: {tls_cert_file: web.crt, tls_key_file: web.key, tls_min_version: TLSv1.3,"
                + " basic_auth_users: {prometheus: \""
                + HASH
                + "\"}}\n"
                + TARGETS);

    assertThat(config.web().tlsCertFile()).isEqualTo(dir.resolve("web.crt"));
    assertThat(config.web().tlsKeyFile()).isEqualTo(key);
    assertThat(config.web().tlsMinVersion()).isEqualTo("TLSv1.3");
    assertThat(config.web().basicAuthUsers()).containsExactly(Map.entry("prometheus", HASH));
    assertThat(config.web().toString()).contains("prometheus").doesNotContain(HASH);
  }

  @Test
  void tlsMinVersionDefaultsToTls12() throws IOException {
    TestPem.writeCertificate(dir.resolve("web.crt"));
    Path key = Files.writeString(dir.resolve("web.key"), "pem");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

    Config config = load("web: {tls_cert_file: web.crt, tls_key_file: web.key}\n" + TARGETS);

    assertThat(config.web().tlsMinVersion()).isEqualTo("TLSv1.2");
  }

  @Test
  void namePatternsMatchNamesOnly() {
    ProbeAccess access =
        load("probe: {allow_unconfigured: [mx.example.org, \"*.example.net\"]}\n" + TARGETS)
            .probe();

    assertThat(access.allowsUnconfigured("mx.example.org")).isTrue();
    assertThat(access.allowsUnconfigured("MX.Example.ORG.")).isTrue();
    assertThat(access.allowsUnconfigured("a.b.example.net")).isTrue();
    assertThat(access.allowsUnconfigured("example.net")).isFalse();
    assertThat(access.allowsUnconfigured("evilexample.net")).isFalse();
    assertThat(access.allowsUnconfigured("mx.example.org.evil.com")).isFalse();
    assertThat(access.allowsUnconfigured("127.0.0.1")).isFalse();
  }

  @Test
  void addressPatternsMatchAddressesOnly() {
    ProbeAccess access =
        load("probe: {allow_unconfigured: [127.0.0.0/24, 192.0.2.7, \"2001:db8::/32\"]}\n"
                + TARGETS)
            .probe();

    assertThat(access.allowsUnconfigured("127.0.0.200")).isTrue();
    assertThat(access.allowsUnconfigured("127.0.1.1")).isFalse();
    assertThat(access.allowsUnconfigured("192.0.2.7")).isTrue();
    assertThat(access.allowsUnconfigured("192.0.2.8")).isFalse();
    assertThat(access.allowsUnconfigured("::ffff:127.0.0.5")).isTrue();
    assertThat(access.allowsUnconfigured("[2001:db8::25]")).isTrue();
    assertThat(access.allowsUnconfigured("2001:db9::25")).isFalse();
    assertThat(access.allowsUnconfigured("localhost")).isFalse();
  }

  private Config load(String yaml) {
    ConfigLoadResult result = loader.parse(yaml, "t.yml", dir);
    assertThat(result).isInstanceOf(ConfigLoadResult.Loaded.class);
    return ((ConfigLoadResult.Loaded) result).config();
  }
}
