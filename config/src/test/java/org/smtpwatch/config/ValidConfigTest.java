package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidConfigTest {

  private static final TlsPolicy OPTIONAL_UNVERIFIED =
      new TlsPolicy(false, false, null, null, null);
  private static final TlsPolicy REQUIRED_VERIFIED = new TlsPolicy(true, true, null, null, null);

  @TempDir Path dir;

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("SMTPWATCH_PASSWORD", "secret")::get, () -> "probe.test");

  @Test
  void wellKnownPortsAloneAreACompleteConfig() {
    Config config = load("targets: [{host: mail.example.com, ports: [25, 465, 587, 2525]}]");

    Duration minute = Duration.ofSeconds(60);
    Duration fifteen = Duration.ofSeconds(15);
    assertThat(config.endpoints())
        .containsExactly(
            endpoint(25, Mode.STARTTLS, OPTIONAL_UNVERIFIED, minute, fifteen),
            endpoint(465, Mode.TLS, REQUIRED_VERIFIED, minute, fifteen),
            endpoint(587, Mode.STARTTLS, REQUIRED_VERIFIED, minute, fifteen),
            endpoint(2525, Mode.STARTTLS, REQUIRED_VERIFIED, minute, fifteen));
    assertThat(config.listen()).isEqualTo(":10785");
    assertThat(config.interval()).isEqualTo(minute);
    assertThat(config.timeout()).isEqualTo(fifteen);
    assertThat(config.ehloName()).isEqualTo("probe.test");
    assertThat(config.maxConcurrentProbes()).isEqualTo(64);
    assertThat(config.source()).isNull();
  }

  @Test
  void theDesignExampleLoadsWithEveryValueInPlace() throws IOException {
    Path pass = privateFile("monitor.pass");
    Path ca = TestPem.writeCertificate(dir.resolve("internal-ca.pem"));
    Path file =
        Files.writeString(
            dir.resolve("smtpwatch.yml"),
            """
            listen: ":10785"
            interval: 60s
            timeout: 15s
            ehlo_name: probe.example.org
            targets:
              - host: mail.example.com
                ports: [25, 465, 587]
                labels: {group: prod}
              - host: smtp.example.net
                ports:
                  - port: 587
                    interval: 30s
                    auth: {username: monitor@example.net, password_file: monitor.pass}
                  - port: 2525
                    mode: starttls
                    tls: {verify: true, ca_file: internal-ca.pem, min_version: TLSv1.2}
            """);

    Config config = loaded(loader.load(file));

    assertThat(config.source()).isEqualTo(file);
    assertThat(config.ehloName()).isEqualTo("probe.example.org");
    assertThat(config.endpoints())
        .extracting(Endpoint::target)
        .containsExactly(
            "mail.example.com:25",
            "mail.example.com:465",
            "mail.example.com:587",
            "smtp.example.net:587",
            "smtp.example.net:2525");
    assertThat(config.endpoints().get(0).labels()).containsExactly(Map.entry("group", "prod"));
    Endpoint submission = config.endpoints().get(3);
    assertThat(submission.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(submission.auth())
        .isEqualTo(new AuthSpec("monitor@example.net", pass, null, List.of(), false));
    Endpoint internal = config.endpoints().get(4);
    assertThat(internal.tls()).isEqualTo(new TlsPolicy(true, true, ca, null, "TLSv1.2"));
    assertThat(internal.ehloName()).isEqualTo("probe.example.org");
  }

  @Test
  void anExplicitModeBringsThatModesDefaultsUnlessItIsThePortsOwn() {
    Config config =
        load(
            """
            targets:
              - host: mail.example.com
                ports:
                  - {port: 587, mode: tls}
                  - {port: 25, mode: starttls}
                  - {port: 25, mode: tls}
                  - {port: 465, mode: starttls}
                  - {port: 26, mode: plain}
                  - {port: 10025, mode: starttls}
            """);

    assertThat(config.endpoints())
        .extracting(e -> e.port() + "/" + e.mode().configName(), Endpoint::tls)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("587/tls", REQUIRED_VERIFIED),
            org.assertj.core.groups.Tuple.tuple("25/starttls", OPTIONAL_UNVERIFIED),
            org.assertj.core.groups.Tuple.tuple("25/tls", REQUIRED_VERIFIED),
            org.assertj.core.groups.Tuple.tuple("465/starttls", REQUIRED_VERIFIED),
            org.assertj.core.groups.Tuple.tuple("26/plain", OPTIONAL_UNVERIFIED),
            org.assertj.core.groups.Tuple.tuple("10025/starttls", REQUIRED_VERIFIED));
  }

  @Test
  void portSettingsWinOverTargetSettingsWhichWinOverTheTopLevel() {
    Config config =
        load(
            """
            interval: 5m
            timeout: 1m30s
            ip_preference: ipv4
            ehlo_name: "[192.0.2.1]"
            targets:
              - host: mail.example.com
                interval: 2m
                ip_preference: ipv6
                tls: {server_name: mx.example.com, verify: false, min_version: TLSv1.3}
                labels: {group: prod, site: fra1}
                ports:
                  - 587
                  - port: 25
                    interval: 1s
                    timeout: 500ms
                    ehlo_name: probe.example.org
                    ip_preference: any
                    tls: {verify: true, required: true}
                    labels: {group: relay}
            """);

    Endpoint inherited = config.endpoints().get(0);
    assertThat(inherited.interval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(inherited.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(inherited.ipPreference()).isEqualTo(IpPreference.IPV6);
    assertThat(inherited.ehloName()).isEqualTo("[192.0.2.1]");
    assertThat(inherited.tls())
        .isEqualTo(new TlsPolicy(true, false, null, "mx.example.com", "TLSv1.3"));
    assertThat(inherited.labels()).containsExactly(entry("group", "prod"), entry("site", "fra1"));
    Endpoint own = config.endpoints().get(1);
    assertThat(own.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(own.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(own.ipPreference()).isEqualTo(IpPreference.ANY);
    assertThat(own.ehloName()).isEqualTo("probe.example.org");
    assertThat(own.tls()).isEqualTo(new TlsPolicy(true, true, null, "mx.example.com", "TLSv1.3"));
    assertThat(own.labels()).containsExactly(entry("group", "relay"), entry("site", "fra1"));
  }

  @Test
  void ocspQueryIsOffByDefaultAndInheritedKeyByKey() {
    Config config =
        load(
            """
            targets:
              - host: mail.example.com
                tls: {ocsp: {query: true}, verify: false}
                ports:
                  - 465
                  - {port: 587, tls: {ocsp: {query: false}}}
              - host: mail.example.net
                ports: [465]
            """);

    assertThat(config.endpoints().get(0).tls())
        .isEqualTo(new TlsPolicy(true, false, null, null, null, true));
    assertThat(config.endpoints().get(1).tls())
        .isEqualTo(new TlsPolicy(true, false, null, null, null, false));
    assertThat(config.endpoints().get(2).tls().ocspQuery()).isFalse();
  }

  @Test
  void authFromTheEnvironmentWithMechanisms() {
    Config config =
        load(
            """
            targets:
              - host: smtp.example.net
                ports:
                  - port: 587
                    auth:
                      username: monitor
                      password_env: SMTPWATCH_PASSWORD
                      mechanisms: [login, PLAIN]
                      allow_plaintext_auth: true
            """);

    assertThat(config.endpoints().get(0).auth())
        .isEqualTo(
            new AuthSpec("monitor", null, "SMTPWATCH_PASSWORD", List.of("LOGIN", "PLAIN"), true));
  }

  @Test
  void sendRidesOnAuthWithADefaultSubject() {
    Config config =
        load(
            """
            targets:
              - host: smtp.example.net
                ports:
                  - port: 465
                    auth: {username: monitor, password_env: SMTPWATCH_PASSWORD}
                    send: {from: monitor@example.net, to: sink@example.net}
            """);

    assertThat(config.endpoints().get(0).auth().send())
        .isEqualTo(new SendSpec("monitor@example.net", "sink@example.net", "smtpwatch probe"));
  }

  @Test
  void hostsAreNormalisedAndTheSameEndpointInAnotherModeIsNoDuplicate() {
    Config config =
        load(
            """
            targets:
              - host: "[2001:DB8::25]"
                ports: [25, {port: 25, mode: plain}]
              - host: Mail.Example.COM.
                ports: [587]
              - host: 192.0.2.10
                ports: [465]
            """);

    assertThat(config.endpoints())
        .extracting(Endpoint::key)
        .extracting(EndpointKey::toString)
        .containsExactly(
            "[2001:db8::25]:25/starttls",
            "[2001:db8::25]:25/plain",
            "mail.example.com:587/starttls",
            "192.0.2.10:465/tls");
  }

  @Test
  void theLocalHostNameIsOnlyLookedUpWhenNoEhloNameIsGiven() {
    AtomicInteger lookups = new AtomicInteger();
    ConfigLoader counting =
        new ConfigLoader(name -> null, () -> "host" + lookups.incrementAndGet() + ".test");

    Config given =
        loaded(
            counting.parse(
                "ehlo_name: a.test\ntargets: [{host: b.test, ports: [25]}]", "t.yml", dir));
    assertThat(lookups).hasValue(0);
    assertThat(given.ehloName()).isEqualTo("a.test");

    Config defaulted =
        loaded(counting.parse("targets: [{host: b.test, ports: [25]}]", "t.yml", dir));
    assertThat(defaulted.endpoints().get(0).ehloName()).isEqualTo("host1.test");
  }

  @Test
  void theDefaultEhloNameIsAValidName() {
    assertThat(Hostnames.isEhloName(LocalHostName.lookUp())).isTrue();
  }

  private Config load(String yaml) {
    return loaded(loader.parse(yaml, "test.yml", dir));
  }

  private static Config loaded(ConfigLoadResult result) {
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new AssertionError("expected a valid config, got " + invalid.errors());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }

  private static Endpoint endpoint(
      int port, Mode mode, TlsPolicy tls, Duration interval, Duration timeout) {
    return new Endpoint(
        "mail.example.com",
        port,
        mode,
        tls,
        null,
        Map.of(),
        interval,
        timeout,
        "probe.test",
        IpPreference.ANY);
  }

  private static Map.Entry<String, String> entry(String name, String value) {
    return Map.entry(name, value);
  }

  private Path privateFile(String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name), "secret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
