package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.Transcript;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;
import org.smtpwatch.exporter.cli.probe.SampleResults;

/**
 * The command's own logic (arguments to endpoint, report, exit status) with a prober that returns a
 * fixed result; probing itself is tested in the agent against real servers.
 */
class ProbeCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Endpoint> probed = new ArrayList<>();

  private int run(ProbeResult result, String... args) {
    Prober prober =
        (endpoint, transcript) -> {
          probed.add(endpoint);
          transcript.add(1_000_000, Transcript.Direction.SERVER, "220 mail.example.com ESMTP");
          transcript.add(2_000_000, Transcript.Direction.CLIENT, "EHLO probe.example.org");
          return result;
        };
    ProbeCommand command =
        new ProbeCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            prober,
            Clock.fixed(SampleResults.NOW, ZoneOffset.UTC),
            () -> "default.example.org");
    return command.run(List.of(args));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void successExitsZeroWithTheReportOnStdout() {
    int status = run(SampleResults.starttlsSuccess(), "mail.example.com:587");

    assertThat(status).isZero();
    assertThat(out())
        .startsWith("resolve ")
        .endsWith("OK mail.example.com:587 (starttls) in 123 ms\n");
    assertThat(err()).isEmpty();
    assertThat(probed)
        .singleElement()
        .satisfies(
            endpoint -> {
              assertThat(endpoint.target()).isEqualTo("mail.example.com:587");
              assertThat(endpoint.mode()).isEqualTo(Mode.STARTTLS);
              assertThat(endpoint.ehloName()).isEqualTo("default.example.org");
            });
  }

  @Test
  void aFailedProbeExitsOne() {
    int status = run(SampleResults.starttlsNotOffered(), "mail.example.com:587");

    assertThat(status).isEqualTo(1);
    assertThat(out())
        .endsWith(
            "FAILED mail.example.com:587 (starttls) in 20 ms phase=starttls"
                + " reason=starttls_not_offered:"
                + " EHLO did not offer STARTTLS and the endpoint requires TLS\n");
  }

  @Test
  void aUsageMistakeExitsTwoWithOneLineOnStderrAndProbesNothing() {
    int status = run(SampleResults.starttlsSuccess(), "mail.example.com:587", "--timeout", "10");

    assertThat(status).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "smtpwatch probe: --timeout: \"10\" has no unit; write 10s or 10ms"
                + " (usage: smtpwatch probe HOST:PORT [options]; see smtpwatch --help)\n");
    assertThat(out()).isEmpty();
    assertThat(probed).isEmpty();
  }

  @Test
  void jsonIsOneObjectOnStdout() throws Exception {
    int status = run(SampleResults.starttlsNotOffered(), "mail.example.com:587", "--json");

    assertThat(status).isEqualTo(1);
    assertThat(out()).endsWith("}\n").hasLineCount(1);
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("failure").get("reason").asText()).isEqualTo("starttls_not_offered");
    assertThat(err()).isEmpty();
  }

  @Test
  void transcriptGoesBeforeTheReport() {
    int status = run(SampleResults.starttlsSuccess(), "mail.example.com:587", "--transcript");

    assertThat(status).isZero();
    assertThat(out())
        .startsWith(
            "      1.0 ms  S: 220 mail.example.com ESMTP\n"
                + "      2.0 ms  C: EHLO probe.example.org\n"
                + "\n"
                + "resolve ");
  }

  @Test
  void transcriptWithJsonGoesToStderrSoStdoutStaysParseable() throws Exception {
    int status =
        run(SampleResults.starttlsSuccess(), "mail.example.com:587", "--json", "--transcript");

    assertThat(status).isZero();
    assertThat(new ObjectMapper().readTree(out()).get("success").asBoolean()).isTrue();
    assertThat(err())
        .isEqualTo(
            "      1.0 ms  S: 220 mail.example.com ESMTP\n"
                + "      2.0 ms  C: EHLO probe.example.org\n");
  }

  @Test
  void flagsReachTheEndpoint() {
    run(
        SampleResults.starttlsSuccess(),
        "[::1]:10587",
        "--mode",
        "starttls",
        "--ehlo-name",
        "probe.example.org",
        "--server-name",
        "mail.example.com",
        "--no-verify",
        "--timeout",
        "3s");

    assertThat(probed)
        .singleElement()
        .satisfies(
            endpoint -> {
              assertThat(endpoint.host()).isEqualTo("::1");
              assertThat(endpoint.port()).isEqualTo(10587);
              assertThat(endpoint.ehloName()).isEqualTo("probe.example.org");
              assertThat(endpoint.tls().serverName()).isEqualTo("mail.example.com");
              assertThat(endpoint.tls().verify()).isFalse();
              assertThat(endpoint.tls().required()).isTrue();
              assertThat(endpoint.timeout().toSeconds()).isEqualTo(3);
            });
  }

  @Test
  void aCaFileWithoutCertificatesIsAUsageErrorBeforeAnyProbe(@TempDir Path dir) throws Exception {
    Path notPem = Files.writeString(dir.resolve("hostname"), "mail\n");

    int status =
        run(
            SampleResults.starttlsSuccess(),
            "mail.example.com:587",
            "--ca-file",
            notPem.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err()).startsWith("smtpwatch probe: ca_file " + notPem).hasLineCount(1);
    assertThat(probed).isEmpty();
  }
}
