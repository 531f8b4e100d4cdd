package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;

class ProbeArgumentsTest {

  @TempDir Path directory;

  private static ProbeRequest parsed(String... args) {
    ProbeArguments.Result result = ProbeArguments.parse(List.of(args));
    assertThat(result).isInstanceOf(ProbeArguments.Parsed.class);
    return ((ProbeArguments.Parsed) result).request();
  }

  private static String invalid(String... args) {
    ProbeArguments.Result result = ProbeArguments.parse(List.of(args));
    assertThat(result).isInstanceOf(ProbeArguments.Invalid.class);
    return ((ProbeArguments.Invalid) result).message();
  }

  @Test
  void aTargetAloneGetsThePortDefaultsAndNoOptions() {
    ProbeRequest request = parsed("mail.example.com:587");

    assertThat(request)
        .isEqualTo(
            new ProbeRequest(
                new TargetAddress("mail.example.com", 587),
                Mode.STARTTLS,
                false,
                false,
                Duration.ofSeconds(15),
                null,
                null,
                false,
                null,
                IpPreference.ANY,
                null,
                false));
  }

  @Test
  void modeDefaultsFollowThePort() {
    assertThat(parsed("h:25").mode()).isEqualTo(Mode.STARTTLS);
    assertThat(parsed("h:465").mode()).isEqualTo(Mode.TLS);
    assertThat(parsed("h:587").mode()).isEqualTo(Mode.STARTTLS);
    assertThat(parsed("h:2525").mode()).isEqualTo(Mode.STARTTLS);
  }

  @Test
  void everyOptionIsTakenBeforeOrAfterTheTarget() throws IOException {
    Path ca = Files.writeString(directory.resolve("ca.pem"), "not checked here");

    ProbeRequest request =
        parsed(
            "--mode",
            "tls",
            "--json",
            "[::1]:10465",
            "--transcript",
            "--timeout",
            "500ms",
            "--ca-file",
            ca.toString(),
            "--server-name",
            "mail.example.com",
            "--no-verify",
            "--ocsp-query",
            "--ehlo-name",
            "probe.example.org",
            "-6");

    assertThat(request)
        .isEqualTo(
            new ProbeRequest(
                new TargetAddress("::1", 10465),
                Mode.TLS,
                true,
                true,
                Duration.ofMillis(500),
                ca,
                "mail.example.com",
                true,
                "probe.example.org",
                IpPreference.IPV6,
                null,
                true));
  }

  @Test
  void valuesMayFollowAnEqualsSign() {
    ProbeRequest request =
        parsed(
            "--mode=plain",
            "--timeout=1m",
            "--server-name=mx.example.com",
            "--ehlo-name=me.example.org",
            "127.0.0.1:2526",
            "-4");

    assertThat(request.mode()).isEqualTo(Mode.PLAIN);
    assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(request.serverName()).isEqualTo("mx.example.com");
    assertThat(request.ehloName()).isEqualTo("me.example.org");
    assertThat(request.ipPreference()).isEqualTo(IpPreference.IPV4);
  }

  @Test
  void userAndPasswordFileMakeCredentialsAndTheFileMustBePrivate() throws IOException {
    Path secret = Files.writeString(directory.resolve("monitor.pass"), "secret\n");
    try {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
      ProbeRequest request =
          parsed("h:587", "--user", "monitor", "--password-file", secret.toString());
      assertThat(request.toEndpoint("me").auth())
          .isEqualTo(new AuthSpec("monitor", secret, null, List.of(), false));

      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));
      assertThat(invalid("h:587", "--user", "monitor", "--password-file", secret.toString()))
          .isEqualTo(
              "--password-file "
                  + secret
                  + " is readable by group or others (rw-r-----); a password file must be"
                  + " readable by its owner only (chmod 600)");
    } finally {
      Files.delete(secret);
    }
    assertThat(parsed("h:587", "--user=u", "--password-env=PW").auth().passwordEnv())
        .isEqualTo("PW");
    assertThat(invalid("h:587", "--user", "monitor"))
        .isEqualTo("--user needs one of --password-file or --password-env");
    assertThat(invalid("h:587", "--password-env", "PW"))
        .isEqualTo("--password-file and --password-env need --user");
  }

  @Test
  void anExplicitModeOverridesThePortDefault() {
    assertThat(parsed("h:25", "--mode", "plain").mode()).isEqualTo(Mode.PLAIN);
  }

  @Test
  void usageMistakesAreOneLineMessages() {
    assertThat(invalid()).isEqualTo("missing HOST:PORT to probe (see smtpwatch --help)");
    assertThat(invalid("--json")).isEqualTo("missing HOST:PORT to probe (see smtpwatch --help)");
    assertThat(invalid("a:25", "b:25"))
        .isEqualTo("unexpected argument \"b:25\"; probe takes one HOST:PORT");
    assertThat(invalid("a:25", "--verbose"))
        .isEqualTo("unknown option \"--verbose\" (see smtpwatch --help)");
    assertThat(invalid("a:25", "-x")).isEqualTo("unknown option \"-x\" (see smtpwatch --help)");
    assertThat(invalid("a:25", "--bogus=1"))
        .isEqualTo("unknown option \"--bogus\" (see smtpwatch --help)");
    assertThat(invalid("mail.example.com"))
        .isEqualTo("\"mail.example.com\" has no port; write mail.example.com:587");
    assertThat(invalid("h:2526"))
        .isEqualTo("port 2526 has no default mode; add --mode plain, starttls or tls");
    assertThat(invalid("h:25", "--mode", "ssl"))
        .isEqualTo("--mode \"ssl\" is not a mode; use plain, starttls or tls");
    assertThat(invalid("h:25", "--mode")).isEqualTo("--mode needs a value");
    assertThat(invalid("h:25", "--mode=")).isEqualTo("--mode needs a value, not an empty string");
    assertThat(invalid("h:25", "--timeout", "10"))
        .isEqualTo("--timeout: \"10\" has no unit; write 10s or 10ms");
    assertThat(invalid("h:25", "--timeout", "soon"))
        .isEqualTo("--timeout: \"soon\" is not a duration; write it like 500ms, 10s or 1m");
    assertThat(invalid("h:25", "--timeout", "0s"))
        .isEqualTo("--timeout: \"0s\" is zero; give a positive duration");
    assertThat(invalid("h:25", "--timeout")).isEqualTo("--timeout needs a value");
    assertThat(invalid("h:25", "--server-name")).isEqualTo("--server-name needs a value");
    assertThat(invalid("h:25", "--ehlo-name", " "))
        .isEqualTo("--ehlo-name needs a value, not an empty string");
    assertThat(invalid("h:25", "--ehlo-name", "a\r\nMAIL FROM:<x>"))
        .isEqualTo(
            "--ehlo-name \"a\\u000d\\u000aMAIL FROM:<x>\": must be one word, without spaces");
    assertThat(invalid("h:25", "--server-name=mail example.com"))
        .isEqualTo("--server-name \"mail example.com\": must be one word, without spaces");
    assertThat(invalid("h:25", "--json=yes")).isEqualTo("--json takes no value");
    assertThat(invalid("h:25", "--transcript=1")).isEqualTo("--transcript takes no value");
    assertThat(invalid("h:25", "--no-verify=true")).isEqualTo("--no-verify takes no value");
    assertThat(invalid("h:25", "-4", "-6")).isEqualTo("-6 and -4 exclude each other");
    assertThat(invalid("h:25", "-6", "-4")).isEqualTo("-4 and -6 exclude each other");
  }

  @Test
  void messagesStayOneLineWhateverWasTyped() {
    assertThat(invalid("mail\nexample.com:25"))
        .isEqualTo("\"mail\\u000aexample.com:25\": the host must not contain spaces")
        .doesNotContain("\n");
    assertThat(invalid("h:25", "--timeout", "1\n0s")).doesNotContain("\n");
  }

  @Test
  void caFileMustBeAReadableFile() {
    Path missing = directory.resolve("missing.pem");

    assertThat(invalid("h:587", "--ca-file", missing.toString()))
        .isEqualTo("--ca-file " + missing + ": not a readable file");
    assertThat(invalid("h:587", "--ca-file", directory.toString()))
        .isEqualTo("--ca-file " + directory + ": not a readable file");
    assertThat(invalid("h:587", "--ca-file")).isEqualTo("--ca-file needs a value");
  }
}
