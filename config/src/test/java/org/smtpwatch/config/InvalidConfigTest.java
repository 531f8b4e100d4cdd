package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One file per mistake under src/test/resources/invalid, each with its exact messages. */
class InvalidConfigTest {

  private static final String BCRYPT_HINT =
      " not a bcrypt hash ($2a$, $2b$ or $2y$ followed by cost and 53 characters); make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n'";

  @TempDir static Path dir;

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("SMTPWATCH_PASSWORD", "secret")::get, () -> "probe.test");

  @BeforeAll
  static void createReferencedFiles() throws IOException {
    writeFile("shared.pass", "rw-r--r--");
    writeFile("private.pass", "rw-------");
    writeFile("group.pass", "rw-r-----");
    writeFile("garbage.pem", "rw-r--r--");
    TestPem.writeCertificate(dir.resolve("server.crt"));
    Files.writeString(
        dir.resolve("broken.pem"),
        TestPem.selfSignedCertificate()
            + "-----BEGIN CERTIFICATE-----\nAAAA!!!!not base64\n-----END CERTIFICATE-----\n");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("empty.yml", "empty.yml: the file is empty; it needs at least a targets: list"),
        mistake(
            "yaml-syntax.yml",
            "yaml-syntax.yml:4:1: YAML syntax error: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence at line 3, column 12)"),
        mistake(
            "unknown-key-close.yml",
            "unknown-key-close.yml:1:1: intervall: unknown key \"intervall\" (did you mean"
                + " \"interval\"?)"),
        mistake(
            "unknown-key-far.yml",
            "unknown-key-far.yml:3:5: targets[0].colour: unknown key \"colour\" (valid keys: host,"
                + " ports, labels, interval, timeout, ehlo_name, ip_preference, tls)"),
        mistake(
            "ports-not-a-list.yml",
            "ports-not-a-list.yml:3:12: targets[0].ports: expected a list, e.g. [25, 587], found a"
                + " number"),
        mistake(
            "duration-bare-number.yml",
            "duration-bare-number.yml:7:19: targets[1].ports[0].interval: \"30\" is not a duration"
                + " (use 30s)"),
        mistake(
            "duration-bad-text.yml",
            "duration-bad-text.yml:1:10: timeout: \"5 minutes\" is not a duration (use e.g. 500ms,"
                + " 30s, 5m, 1h or 1m30s)"),
        mistake(
            "port-out-of-range.yml",
            "port-out-of-range.yml:3:13: targets[0].ports[0]: port 0 is out of range (1-65535)",
            "port-out-of-range.yml:3:16: targets[0].ports[1]: port 70000 is out of range (1-65535)"),
        mistake(
            "mode-unknown.yml",
            "mode-unknown.yml:5:15: targets[0].ports[0].mode: unknown mode \"startls\" (valid:"
                + " plain, starttls, tls)"),
        mistake(
            "port-without-mode.yml",
            "port-without-mode.yml:3:17: targets[0].ports[1]: port 2526 has no default mode; give"
                + " it one: {port: 2526, mode: plain|starttls|tls}"),
        mistake(
            "timeout-not-below-interval.yml",
            "timeout-not-below-interval.yml:5:19: targets[0].ports[0].interval: timeout 15s"
                + " (default) must be below interval 10s"),
        mistake(
            "duplicate-endpoint.yml",
            "duplicate-endpoint.yml:6:9: targets[1].ports[0]: duplicate endpoint"
                + " mail.example.com:587/starttls, already at targets[0].ports[1] (line 3, column"
                + " 17)"),
        mistake(
            "duplicate-ipv6-endpoint.yml",
            "duplicate-ipv6-endpoint.yml:5:13: targets[1].ports[0]: duplicate endpoint"
                + " [::1]:25/starttls, already at targets[0].ports[0] (line 3, column 13)",
            "duplicate-ipv6-endpoint.yml:9:13: targets[3].ports[0]: duplicate endpoint"
                + " [2001:db8::1]:587/starttls, already at targets[2].ports[0] (line 7, column"
                + " 13)"),
        mistake(
            "ca-file-missing.yml",
            "ca-file-missing.yml:5:24: targets[0].ports[0].tls.ca_file: {dir}/missing-ca.pem does"
                + " not exist"),
        mistake(
            "ca-file-not-pem.yml",
            "ca-file-not-pem.yml:5:24: targets[0].ports[0].tls.ca_file: {dir}/garbage.pem holds no"
                + " PEM certificate"),
        // The file is read once per load; each place that names it still gets its error.
        mistake(
            "ca-file-not-pem-twice.yml",
            "ca-file-not-pem-twice.yml:5:24: targets[0].ports[0].tls.ca_file: {dir}/garbage.pem"
                + " holds no PEM certificate",
            "ca-file-not-pem-twice.yml:7:20: targets[1].tls.ca_file: {dir}/garbage.pem holds no"
                + " PEM certificate"),
        mistake(
            "ca-file-broken-block.yml",
            "ca-file-broken-block.yml:5:24: targets[0].ports[0].tls.ca_file: {dir}/broken.pem is"
                + " not valid PEM: malformed PEM data: unable to decode base64 string: invalid"
                + " characters encountered in base64 data"),
        mistake(
            "web-tls-cert-not-pem.yml",
            "web-tls-cert-not-pem.yml:2:18: web.tls_cert_file: {dir}/garbage.pem holds no PEM"
                + " certificate"),
        mistake(
            "password-file-missing.yml",
            "password-file-missing.yml:5:50: targets[0].ports[0].auth.password_file:"
                + " {dir}/missing.pass does not exist"),
        mistake(
            "password-file-readable-by-others.yml",
            "password-file-readable-by-others.yml:5:50: targets[0].ports[0].auth.password_file:"
                + " {dir}/shared.pass is readable by group or others (rw-r--r--); a password file"
                + " must be readable by its owner only (chmod 600)"),
        mistake(
            "password-file-readable-by-group.yml",
            "password-file-readable-by-group.yml:5:50: targets[0].ports[0].auth.password_file:"
                + " {dir}/group.pass is readable by group or others (rw-r-----); a password file"
                + " must be readable by its owner only (chmod 600)"),
        mistake(
            "auth-mechanism-unsupported.yml",
            "auth-mechanism-unsupported.yml:7:31: targets[0].ports[0].auth.mechanisms[1]:"
                + " mechanism CRAM-MD5 is not supported; use PLAIN or LOGIN"),
        mistake(
            "send-without-auth.yml",
            "send-without-auth.yml:5:15: targets[0].ports[0].send: send needs auth: smtpwatch"
                + " sends probe messages only after logging in"),
        mistake(
            "send-bad-address.yml",
            "send-bad-address.yml:7:11: targets[0].ports[0].send: missing from",
            "send-bad-address.yml:7:15: targets[0].ports[0].send.to: \"Probe <p@example.com>\""
                + " is not a mail address (write it bare: user@example.com)"),
        mistake(
            "password-env-unset.yml",
            "password-env-unset.yml:7:25: targets[0].ports[0].auth.password_env: environment"
                + " variable NOT_SET_ANYWHERE is not set"),
        mistake(
            "password-file-and-env.yml",
            "password-file-and-env.yml:8:25: targets[0].ports[0].auth.password_env: give"
                + " password_file or password_env, not both"),
        mistake(
            "label-names.yml",
            "label-names.yml:4:14: targets[0].labels.9lives: \"9lives\" is not a valid label name"
                + " (letters, digits and _, not starting with a digit)",
            "label-names.yml:4:25: targets[0].labels.__name: label names starting with __ are"
                + " reserved for Prometheus",
            "label-names.yml:4:36: targets[0].labels.host: label \"host\" is set by smtpwatch"
                + " itself (reserved: host, port, mode, domain, mx, preference, phase, reason, banner,"
                + " extension, version,"
                + " cipher, subject, issuer, serial, fingerprint_sha256, san, key_algorithm,"
                + " key_bits, signature_algorithm, source, status, le, quantile)",
            "label-names.yml:4:45: targets[0].labels.rack-1: \"rack-1\" is not a valid label name"
                + " (letters, digits and _, not starting with a digit)"),
        mistake(
            "domain-name-invalid.yml",
            "domain-name-invalid.yml:2:11: domains[0].name: \"not a domain\" is not a domain name"),
        mistake(
            "domain-duplicate.yml",
            "domain-duplicate.yml:3:11: domains[1].name: domain example.org is already listed at"
                + " domains[0].name (line 2)"),
        mistake(
            "dns-server-invalid.yml",
            "dns-server-invalid.yml:4:13: dns.servers[0]: \"ns1.example.org\" is not a resolver"
                + " address (an IP address with an optional port, e.g. 127.0.0.1:53 or [::1]:53)",
            "dns-server-invalid.yml:4:32: dns.servers[1]: \"127.0.0.1:99999\" is not a resolver"
                + " address (an IP address with an optional port, e.g. 127.0.0.1:53 or [::1]:53)"),
        mistake(
            "dns-ttl-bounds.yml",
            "dns-ttl-bounds.yml:4:12: dns.min_ttl: min_ttl 2h must not be above max_ttl 1h"),
        mistake(
            "domain-host-key.yml",
            "domain-host-key.yml:2:5: domains[0].host: \"host\" is not allowed here: a domain is"
                + " given by name:, its MX hosts are found in DNS",
            "domain-host-key.yml:2:5: domains[0]: missing name (the mail domain, e.g. name:"
                + " example.org)",
            "domain-host-key.yml:4:21: domains[1].mta_sts.port: port 0 is out of range (1-65535)",
            "domain-host-key.yml:4:24: domains[1].mta_sts.colour: unknown key \"colour\" (valid"
                + " keys: enabled, port, ca_file)"),
        mistake(
            "banner-pattern-invalid.yml",
            "banner-pattern-invalid.yml:5:25: targets[0].ports[0].banner_pattern: \"ESMTP (\\w+\""
                + " is not a valid regular expression: Unclosed group near index 10"),
        mistake(
            "label-value-not-string.yml",
            "label-value-not-string.yml:4:20: targets[0].labels.rack: label values must be"
                + " strings, found a number (quote it: \"12\")",
            "label-value-not-string.yml:4:33: targets[0].labels.primary: label values must be"
                + " strings, found true/false (quote it: \"true\")"),
        mistake(
            "targets-empty.yml",
            "targets-empty.yml:2:10: targets: no targets; list at least one host to probe"),
        mistake(
            "targets-missing.yml",
            "targets-missing.yml:1:1: missing targets (the list of hosts to probe)"),
        mistake("host-empty.yml", "host-empty.yml:2:11: targets[0].host: host must not be empty"),
        mistake(
            "host-invalid.yml",
            "host-invalid.yml:2:11: targets[0].host: \"mail..example.com\" is not a valid host name"
                + " or IP address",
            "host-invalid.yml:4:11: targets[1].host: \"10.0.0.256\" is not a valid host name or IP"
                + " address",
            "host-invalid.yml:6:11: targets[2].host: \"2001:db8::g\" is not a valid host name or IP"
                + " address"),
        mistake(
            "max-concurrent-probes-zero.yml",
            "max-concurrent-probes-zero.yml:1:24: max_concurrent_probes: must be between 1 and 100000, not"
                + " 0"),
        mistake(
            "tls-min-version-unknown.yml",
            "tls-min-version-unknown.yml:5:28: targets[0].ports[0].tls.min_version: unknown TLS"
                + " version \"TLS1.2\" (valid: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)"),
        mistake(
            "tls-ocsp-not-a-mapping.yml",
            "tls-ocsp-not-a-mapping.yml:5:21: targets[0].ports[0].tls.ocsp: expected a mapping"
                + " (key: value), found true/false"),
        mistake(
            "tls-ocsp-unknown-key.yml",
            "tls-ocsp-unknown-key.yml:5:9: targets[0].tls.ocsp.querry: unknown key \"querry\""
                + " (did you mean \"query\"?)"),
        mistake(
            "tls-ocsp-query-not-boolean.yml",
            "tls-ocsp-query-not-boolean.yml:5:29: targets[0].ports[0].tls.ocsp.query: expected"
                + " true or false, found a string"),
        mistake(
            "duplicate-key.yml",
            "duplicate-key.yml:4:5: targets[0].host: duplicate key \"host\" (first at line 2)"),
        mistake(
            "plain-with-password.yml",
            "plain-with-password.yml:4:9: targets[0].ports[0]: mode plain would send the password"
                + " unencrypted; use starttls or tls, or set auth.allow_plaintext_auth: true"),
        mistake(
            "empty-document.yml",
            "empty-document.yml: the file is empty; it needs at least a targets: list"),
        mistake(
            "yaml-alias.yml",
            "yaml-alias.yml:7:13: targets[1].labels: YAML aliases (*name) are not supported;"
                + " repeat the value"),
        mistake("two-documents.yml", "two-documents.yml:3:1: only one YAML document is allowed"),
        mistake(
            "auth-without-password.yml",
            "auth-without-password.yml:5:15: targets[0].ports[0].auth: missing password_file or"
                + " password_env (the password is never inline)"),
        mistake(
            "plain-with-tls-required.yml",
            "plain-with-tls-required.yml:5:9: targets[0].ports[0]: mode plain never uses TLS;"
                + " remove tls.required: true or use mode starttls"),
        mistake(
            "listen-invalid.yml",
            "listen-invalid.yml:1:9: listen: \"localhost\" is not a listen address (use :10785,"
                + " 127.0.0.1:10785 or [::1]:10785)"),
        mistake("interval-zero.yml", "interval-zero.yml:1:11: interval: must be longer than 0"),
        mistake(
            "ehlo-name-invalid.yml",
            "ehlo-name-invalid.yml:1:12: ehlo_name: \"probe host\" is not a valid EHLO name (a"
                + " host name such as probe.example.org, or an address literal such as"
                + " [192.0.2.1])"),
        mistake(
            "ip-preference-unknown.yml",
            "ip-preference-unknown.yml:1:16: ip_preference: unknown ip_preference \"v6\" (valid:"
                + " any, ipv4, ipv6)"),
        mistake(
            "target-not-a-mapping.yml",
            "target-not-a-mapping.yml:2:5: targets[0]: expected a mapping (key: value), found a"
                + " string"),
        mistake("port-missing.yml", "port-missing.yml:4:9: targets[0].ports[0]: missing port"),
        mistake(
            "timeout-global.yml",
            "timeout-global.yml:2:10: timeout: timeout 30s must be below interval 30s"),
        mistake(
            "tls-mode-with-tls-optional.yml",
            "tls-mode-with-tls-optional.yml:4:9: targets[0].ports[0]: mode tls speaks TLS from the"
                + " first byte, it cannot be optional; remove tls.required: false or use mode"
                + " starttls"),
        mistake(
            "key-at-wrong-level.yml",
            "key-at-wrong-level.yml:1:1: labels: \"labels\" is not allowed here: labels are set per"
                + " target or per port",
            "key-at-wrong-level.yml:4:5: targets[0].mode: \"mode\" is not allowed here: mode is set"
                + " per port, e.g. ports: [{port: 2526, mode: starttls}]"),
        mistake(
            "web-tls-key-without-cert.yml",
            "web-tls-key-without-cert.yml:2:3: web: give tls_cert_file and tls_key_file together,"
                + " or neither"),
        mistake(
            "web-tls-min-version.yml",
            "web-tls-min-version.yml:4:20: web.tls_min_version: \"TLSv1.1\" is not allowed for the"
                + " HTTP server (valid: TLSv1.2, TLSv1.3)"),
        mistake(
            "web-tls-files-missing.yml",
            "web-tls-files-missing.yml:2:18: web.tls_cert_file: {dir}/missing.crt does not exist",
            "web-tls-files-missing.yml:3:17: web.tls_key_file: {dir}/shared.pass is readable by"
                + " every user (rw-r--r--); a private key must not be (chmod 600 or 640)"),
        mistake(
            "web-basic-auth-not-bcrypt.yml",
            "web-basic-auth-not-bcrypt.yml:3:12: web.basic_auth_users.alice:" + BCRYPT_HINT,
            "web-basic-auth-not-bcrypt.yml:4:5: web.basic_auth_users.bob:x: user names must not be"
                + " empty or contain \":\"",
            "web-basic-auth-not-bcrypt.yml:5:12: web.basic_auth_users.carol:" + BCRYPT_HINT),
        mistake(
            "probe-allow-unconfigured-invalid.yml",
            "probe-allow-unconfigured-invalid.yml:2:24: probe.allow_unconfigured[0]: \"*\" would"
                + " let /probe reach any host (an open proxy)",
            "probe-allow-unconfigured-invalid.yml:2:29: probe.allow_unconfigured[1]:"
                + " \"10.0.0.0/0\" would let /probe reach any address (an open proxy)",
            "probe-allow-unconfigured-invalid.yml:2:41: probe.allow_unconfigured[2]:"
                + " \"mail..example.com\" is not a host name, *.domain, IP address or CIDR block"
                + " (e.g. 192.0.2.0/24)",
            "probe-allow-unconfigured-invalid.yml:2:62: probe.allow_unconfigured[3]:"
                + " \"192.0.2.0/33\": the prefix is longer than the address"),
        mistake(
            "probe-unknown-key.yml",
            "probe-unknown-key.yml:2:3: probe.allow: unknown key \"allow\" (valid keys:"
                + " allow_unconfigured)"),
        mistake(
            "wrong-types.yml",
            "wrong-types.yml:1:9: listen: expected an address, found a number (write the port as"
                + " \":10785\")",
            "wrong-types.yml:2:24: max_concurrent_probes: expected a whole number, found a string",
            "wrong-types.yml:6:15: targets[0].ports[0].port: expected a number, found a string"
                + " (remove the quotes: 587)",
            "wrong-types.yml:8:23: targets[0].ports[1].tls.verify: expected true or false, found"
                + " a string"));
  }

  /** A file and every message it must produce, in file order. */
  private static Arguments mistake(String file, String... expected) {
    return arguments(file, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsTheMistakeWithFileLineColumnAndPath(String file, List<String> expected) {
    List<String> withDir = expected.stream().map(e -> e.replace("{dir}", dir.toString())).toList();

    assertThat(errorsOf(file)).containsExactlyElementsOf(withDir);
  }

  @Test
  void reportsEveryMistakeOfAFileAtOnceInFileOrder() {
    assertThat(errorsOf("multiple-mistakes.yml"))
        .containsExactly(
            "multiple-mistakes.yml:2:11: interval: \"30\" is not a duration (use 30s)",
            "multiple-mistakes.yml:6:22: targets[0].ports[2]: port 99999 is out of range"
                + " (1-65535)",
            "multiple-mistakes.yml:7:27: targets[0].labels.port: label \"port\" is set by"
                + " smtpwatch itself (reserved: host, port, mode, domain, mx, preference, phase, reason,"
                + " banner, extension,"
                + " version, cipher, subject, issuer, serial, fingerprint_sha256, san,"
                + " key_algorithm, key_bits, signature_algorithm, source, status, le, quantile)",
            "multiple-mistakes.yml:11:9: targets[1].ports[0].modee: unknown key \"modee\" (did you"
                + " mean \"mode\"?)",
            "multiple-mistakes.yml:12:9: targets[1].ports[1]: port 2526 has no default mode; give"
                + " it one: {port: 2526, mode: plain|starttls|tls}",
            "multiple-mistakes.yml:13:11: targets[2].host: host must not be empty");
  }

  @Test
  void everyInvalidFileHasItsExpectedMessages() throws IOException {
    Path invalid = Path.of("src/test/resources/invalid");
    List<String> covered =
        Stream.of(mistakes(), HostileConfigTest.mistakes())
            .flatMap(a -> a.map(arguments -> (String) arguments.get()[0]))
            .collect(Collectors.toCollection(ArrayList::new));
    covered.add("multiple-mistakes.yml");
    try (Stream<Path> files = Files.list(invalid)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(covered);
    }
  }

  @Test
  void aMissingConfigFileIsAnErrorWithoutALine() {
    ConfigLoadResult result = loader.load(dir.resolve("nope.yml"));

    assertThat(result)
        .isEqualTo(
            new ConfigLoadResult.Invalid(
                List.of(
                    new ConfigError(
                        dir.resolve("nope.yml").toString(),
                        0,
                        0,
                        "",
                        "cannot read the config file: no such file"))));
  }

  @Test
  void aDirectoryIsNotAConfigFile() {
    assertThat(errors(loader.load(dir)))
        .containsExactly(dir + ": cannot read the config file: it is a directory");
  }

  private List<String> errorsOf(String file) {
    return errors(loader.parse(resource(file), file, dir));
  }

  private static List<String> errors(ConfigLoadResult result) {
    assertThat(result).isInstanceOf(ConfigLoadResult.Invalid.class);
    return ((ConfigLoadResult.Invalid) result)
        .errors().stream().map(ConfigError::toString).toList();
  }

  /** The text of {@code src/test/resources/invalid/NAME}. */
  static String resource(String name) {
    try (InputStream in = InvalidConfigTest.class.getResourceAsStream("/invalid/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void writeFile(String name, String permissions) throws IOException {
    Path file = Files.writeString(dir.resolve(name), "secret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
  }
}
