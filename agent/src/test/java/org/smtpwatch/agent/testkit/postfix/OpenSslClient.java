package org.smtpwatch.agent.testkit.postfix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpwatch.agent.testkit.ExternalCommand;
import org.smtpwatch.config.Mode;

/**
 * {@code openssl s_client} as an independent TLS client: it connects ({@code -starttls smtp} in
 * mode starttls), verifies against a CA file (or nothing), says EHLO and QUIT over TLS, and its
 * printout is parsed into an {@link OpenSslSession}.
 */
public final class OpenSslClient {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Pattern NEW_SESSION =
      Pattern.compile("^New, (\\S+), Cipher is (\\S+)$", Pattern.MULTILINE);
  private static final Pattern VERIFY =
      Pattern.compile("^\\s*Verify return code: (\\d+) \\((.*)\\)$", Pattern.MULTILINE);
  // With -showcerts, the presented chain is printed leaf first, and nothing else as PEM.
  private static final Pattern CERTIFICATE =
      Pattern.compile(
          "^-----BEGIN CERTIFICATE-----\\n.*?\\n-----END CERTIFICATE-----$",
          Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern REPLY = Pattern.compile("^\\d{3}[ -].*$", Pattern.MULTILINE);

  private OpenSslClient() {}

  /**
   * One session with {@code address:port}.
   *
   * @param serverName sent as SNI and checked against the certificate
   * @param caFile the trust anchors; {@code null} to trust nothing (no default store either)
   */
  public static OpenSslSession connect(
      String address, int port, Mode mode, String serverName, Path caFile) {
    String openssl = ExternalCommand.locate("openssl", "openssl");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            openssl,
            "s_client",
            "-connect",
            address + ":" + port,
            "-servername",
            serverName,
            "-verify_hostname",
            serverName,
            "-showcerts",
            // Keep the session open after stdin ends: the server's QUIT reply closes it.
            "-ign_eof",
            "-crlf"));
    if (mode == Mode.STARTTLS) {
      command.addAll(List.of("-starttls", "smtp"));
    }
    if (caFile == null) {
      command.addAll(List.of("-no-CAfile", "-no-CApath", "-no-CAstore"));
    } else {
      command.addAll(List.of("-CAfile", caFile.toString(), "-no-CApath", "-no-CAstore"));
    }
    ExternalCommand.Outcome outcome =
        ExternalCommand.run(command, "EHLO probe.smtpwatch.test\nQUIT\n", DEADLINE);
    return parse(outcome);
  }

  private static OpenSslSession parse(ExternalCommand.Outcome outcome) {
    String out = outcome.stdout();
    Matcher session = find(NEW_SESSION, out, outcome);
    Matcher verify = find(VERIFY, out, outcome);
    find(CERTIFICATE, out, outcome);
    List<OpenSslCertificate> chain =
        CERTIFICATE
            .matcher(out)
            .results()
            .map(pem -> OpenSslCertificate.describe(pem.group() + "\n"))
            .toList();
    List<String> replies = REPLY.matcher(out).results().map(MatchResult::group).toList();
    return new OpenSslSession(
        session.group(1),
        standardName(session.group(2)),
        session.group(2),
        Integer.parseInt(verify.group(1)),
        verify.group(2),
        chain,
        replies);
  }

  private static Matcher find(Pattern pattern, String text, ExternalCommand.Outcome outcome) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no " + pattern + " in the output of " + outcome.describe());
    }
    return matcher;
  }

  /** The IANA name of an OpenSSL cipher name, from {@code openssl ciphers -stdname}. */
  static String standardName(String opensslName) {
    String name = standardNames().get(opensslName);
    if (name == null) {
      throw new AssertionError("openssl ciphers -stdname does not know " + opensslName);
    }
    return name;
  }

  private static Map<String, String> standardNames() {
    String openssl = ExternalCommand.locate("openssl", "openssl");
    ExternalCommand.Outcome outcome =
        ExternalCommand.runOrFail(DEADLINE, openssl, "ciphers", "-stdname", "ALL:COMPLEMENTOFALL");
    Map<String, String> names = new HashMap<>();
    // "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 - ECDHE-ECDSA-AES128-GCM-SHA256 TLSv1.2 Kx=..."
    for (String line : outcome.stdout().lines().toList()) {
      String[] words = line.strip().split("\\s+");
      if (words.length > 2 && "-".equals(words[1])) {
        names.put(words[2], words[0]);
      }
    }
    return names;
  }
}
