package org.smtpwatch.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.dns.DnsClient;
import org.smtpwatch.agent.testkit.LoopbackNameServer;
import org.smtpwatch.config.DnsSettings;

/** MX lookups against a real BIND on loopback, and one against a resolver that never answers. */
class MxDiscoveryTest {

  @TempDir static Path dir;
  private static LoopbackNameServer named;
  private static DnsClient dns;

  private final MxDiscovery discovery = new MxDiscovery();

  @BeforeAll
  static void startNameServer() throws Exception {
    named =
        LoopbackNameServer.start(
            dir,
            "mail.test",
            "@ MX 20 mx2",
            "@ MX 10 MX1",
            "mx1 A 127.0.0.21",
            "mx2 A 127.0.0.22",
            "nomx A 127.0.0.23",
            "nothing TXT \"no address here\"",
            "nullmx MX 0 .");
    dns = DnsClient.of(settings(named.address()));
  }

  @AfterAll
  static void stopNameServer() throws Exception {
    named.close();
  }

  @Test
  void mxHostsComeSortedByPreferenceInLowerCase() {
    MxOutcome outcome = discovery.discover(dns, "mail.test");

    assertThat(outcome.failureReason()).isNull();
    assertThat(outcome.fallback()).isFalse();
    assertThat(outcome.hosts())
        .containsExactly(new MxHost("mx1.mail.test", 10), new MxHost("mx2.mail.test", 20));
    assertThat(outcome.ttl()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aDomainWithoutMxFallsBackToItsOwnAddress() {
    MxOutcome outcome = discovery.discover(dns, "nomx.mail.test");

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.fallback()).isTrue();
    assertThat(outcome.hosts()).containsExactly(new MxHost("nomx.mail.test", 0));
    assertThat(outcome.detail())
        .isEqualTo("nomx.mail.test has no MX records; its A/AAAA is the implicit MX");
  }

  @Test
  void neitherMxNorAddressIsNamed() {
    MxOutcome outcome = discovery.discover(dns, "nothing.mail.test");

    assertThat(outcome.failureReason()).isEqualTo("no_address");
    assertThat(outcome.detail())
        .isEqualTo(
            "nothing.mail.test has no MX records and nothing.mail.test has no A or AAAA records");
  }

  @Test
  void nxdomainIsNamed() {
    MxOutcome outcome = discovery.discover(dns, "missing.mail.test");

    assertThat(outcome.failureReason()).isEqualTo("nxdomain");
    assertThat(outcome.detail()).isEqualTo("missing.mail.test does not exist (NXDOMAIN)");
    assertThat(outcome.hosts()).isEmpty();
    assertThat(outcome.definitive()).isTrue();
  }

  @Test
  void servfailIsNamedAndNotDefinitive() {
    MxOutcome outcome = discovery.discover(dns, "x.broken.test");

    assertThat(outcome.failureReason()).isEqualTo("servfail");
    assertThat(outcome.detail()).isEqualTo("the resolver answered SERVFAIL for x.broken.test");
    assertThat(outcome.definitive()).isFalse();
  }

  @Test
  void aNullMxSaysTheDomainTakesNoMail() {
    MxOutcome outcome = discovery.discover(dns, "nullmx.mail.test");

    assertThat(outcome.failureReason()).isEqualTo("null_mx");
    assertThat(outcome.hosts()).isEmpty();
  }

  @Test
  void aResolverThatNeverAnswersIsATimeout() throws Exception {
    // Bound but never read: every query to it goes unanswered.
    try (DatagramSocket silent =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      DnsClient slow =
          DnsClient.of(
              new DnsSettings(
                  List.of(
                      new InetSocketAddress(
                          InetAddress.getLoopbackAddress(), silent.getLocalPort())),
                  Duration.ofMillis(300),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(1)));

      MxOutcome outcome = discovery.discover(slow, "mail.test");

      assertThat(outcome.failureReason()).isEqualTo("timeout");
      assertThat(outcome.detail()).isEqualTo("no answer for mail.test within 300 ms");
      assertThat(outcome.definitive()).isFalse();
    }
  }

  static DnsSettings settings(InetSocketAddress server) {
    return new DnsSettings(
        List.of(server), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }
}
