package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.config.ConfigLoader;

class CheckConfigCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CheckConfigCommand command =
      new CheckConfigCommand(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          new ConfigLoader(Map.of("SMTP_PASSWORD", "secret")::get, () -> "probe.test"));

  @Test
  void showsEveryEndpointWithItsEffectivePolicyAndASummary() throws IOException {
    Path config =
        write(
            """
            targets:
              - host: mail.example.com
                ports: [25, 465, 587]
                labels: {group: prod}
              - host: smtp.example.net
                ip_preference: ipv6
                ports:
                  - port: 2525
                    interval: 1m30s
                    timeout: 500ms
                    ehlo_name: other.example.org
                    tls: {min_version: TLSv1.2, server_name: mx.example.net, ocsp: {query: true}}
                    auth: {username: monitor, password_env: SMTP_PASSWORD}
                  - {port: 10026, mode: plain}
            """);

    int status = command.run(List.of(config.toString()));

    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "mail.example.com:25     starttls  tls=optional verify=off  every 60s timeout 15s "
                + " labels{group=prod}",
            "mail.example.com:465    tls       tls=required verify=on  every 60s timeout 15s "
                + " labels{group=prod}",
            "mail.example.com:587    starttls  tls=required verify=on  every 60s timeout 15s "
                + " labels{group=prod}",
            "smtp.example.net:2525   starttls  tls=required verify=on min=TLSv1.2"
                + " sni=mx.example.net ocsp=query  every 1m30s timeout 500ms  auth=monitor"
                + "  ehlo=other.example.org  prefer=ipv6",
            "smtp.example.net:10026  plain     tls=off  every 60s timeout 15s  prefer=ipv6",
            "config OK: 5 endpoints on 2 hosts, listen :10785, ehlo_name probe.test, at most 64"
                + " probes at once");
  }

  @Test
  void showsHowTheMxHostsOfAWatchedDomainWillBeProbed() throws IOException {
    Path config =
        write(
            """
            domains:
              - name: example.org
                labels: {group: inbound}
                mta_sts: {port: 8443}
            dns: {servers: ["127.0.0.53"], min_ttl: 30s}
            """);

    int status = command.run(List.of(config.toString()));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "domain example.org: MX hosts looked up through 127.0.0.53:53 (timeout 5s, again after"
                + " the TTL within 30s..1h); MTA-STS checked on port 8443; each MX probed as:",
            "  MX:25  starttls  tls=optional verify=off  every 60s timeout 15s "
                + " labels{domain=example.org,group=inbound}",
            "config OK: 0 endpoints on 0 hosts, listen :10785, ehlo_name probe.test, at most 64"
                + " probes at once");
  }

  @Test
  void printsEveryErrorToStandardErrorAndExitsTwo() throws IOException {
    Path config =
        write(
            """
            interval: 30
            targets:
              - host: mail.example.com
                ports: [25, 2526]
            """);

    int status = command.run(List.of(config.toString()));

    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            config + ":1:11: interval: \"30\" is not a duration (use 30s)",
            config
                + ":4:17: targets[0].ports[1]: port 2526 has no default mode; give it one:"
                + " {port: 2526, mode: plain|starttls|tls}",
            config + ": invalid, 2 errors");
  }

  @Test
  void aMissingFileIsAnInvalidConfig() {
    Path missing = dir.resolve("missing.yml");

    int status = command.run(List.of(missing.toString()));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            missing + ": cannot read the config file: no such file",
            missing + ": invalid, 1 error");
  }

  @Test
  void withoutAFileItIsAUsageMistake() {
    assertThat(command.run(List.of())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "smtpwatch check-config needs the config file to check (usage: smtpwatch check-config FILE)"
                + System.lineSeparator());
  }

  @Test
  void moreThanOneFileIsAUsageMistake() {
    assertThat(command.run(List.of("a.yml", "b.yml"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "smtpwatch check-config takes one file, got 2: a.yml b.yml (usage: smtpwatch check-config FILE)"
                + System.lineSeparator());
  }

  @Test
  void anUnknownOptionIsAUsageMistake() {
    assertThat(command.run(List.of("--verbose"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "smtpwatch check-config: unknown option --verbose (usage: smtpwatch check-config FILE)"
                + System.lineSeparator());
  }

  @Test
  void helpGoesToStandardOutput() {
    assertThat(command.run(List.of("--help"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("usage: smtpwatch check-config FILE" + System.lineSeparator());
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("smtpwatch.yml"), yaml);
  }
}
