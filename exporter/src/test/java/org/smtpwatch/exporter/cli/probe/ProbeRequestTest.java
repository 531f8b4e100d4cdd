package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

class ProbeRequestTest {

  private static ProbeRequest request(
      String host, int port, Mode mode, boolean noVerify, String ehloName) {
    return new ProbeRequest(
        new TargetAddress(host, port),
        mode,
        false,
        false,
        Duration.ofSeconds(5),
        null,
        null,
        noVerify,
        ehloName,
        IpPreference.ANY,
        null,
        false);
  }

  @Test
  void submissionRequiresAndVerifiesTls() {
    Endpoint endpoint =
        request("mail.example.com", 587, Mode.STARTTLS, false, null).toEndpoint("me");

    assertThat(endpoint.host()).isEqualTo("mail.example.com");
    assertThat(endpoint.port()).isEqualTo(587);
    assertThat(endpoint.mode()).isEqualTo(Mode.STARTTLS);
    assertThat(endpoint.tls()).isEqualTo(new TlsPolicy(true, true, null, null, null));
    assertThat(endpoint.auth()).isNull();
    assertThat(endpoint.labels()).isEmpty();
    assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(endpoint.interval()).isGreaterThan(endpoint.timeout());
    assertThat(endpoint.ehloName()).isEqualTo("me");
    assertThat(endpoint.ipPreference()).isEqualTo(IpPreference.ANY);
  }

  @Test
  void relayPortReportsCertificatesWithoutFailing() {
    Endpoint endpoint = request("mx.example.com", 25, Mode.STARTTLS, false, null).toEndpoint("me");

    assertThat(endpoint.tls()).isEqualTo(new TlsPolicy(false, false, null, null, null));
  }

  @Test
  void aModeThatIsNotThePortsOwnGetsThatModesDefaults() {
    assertThat(request("h", 25, Mode.TLS, false, null).toEndpoint("me").tls())
        .isEqualTo(new TlsPolicy(true, true, null, null, null));
    assertThat(request("h", 587, Mode.PLAIN, false, null).toEndpoint("me").tls())
        .isEqualTo(new TlsPolicy(false, false, null, null, null));
    assertThat(request("h", 10025, Mode.STARTTLS, false, null).toEndpoint("me").tls())
        .isEqualTo(new TlsPolicy(true, true, null, null, null));
  }

  @Test
  void noVerifyKeepsTlsRequiredAndTheEhloNameFlagWins() {
    Endpoint endpoint =
        request("h", 465, Mode.TLS, true, "probe.example.org").toEndpoint("ignored.example");

    assertThat(endpoint.tls()).isEqualTo(new TlsPolicy(true, false, null, null, null));
    assertThat(endpoint.ehloName()).isEqualTo("probe.example.org");
  }

  @Test
  void caFileAndServerNameReachThePolicy() {
    Path ca = Path.of("/etc/ssl/internal-ca.pem");
    ProbeRequest request =
        new ProbeRequest(
            new TargetAddress("::1", 2525),
            Mode.STARTTLS,
            false,
            false,
            Duration.ofSeconds(15),
            ca,
            "mail.example.com",
            false,
            null,
            IpPreference.IPV6,
            null,
            true);

    Endpoint endpoint = request.toEndpoint("me");

    assertThat(endpoint.tls())
        .isEqualTo(new TlsPolicy(true, true, ca, "mail.example.com", null, true));
    assertThat(endpoint.target()).isEqualTo("[::1]:2525");
    assertThat(endpoint.ipPreference()).isEqualTo(IpPreference.IPV6);
  }
}
