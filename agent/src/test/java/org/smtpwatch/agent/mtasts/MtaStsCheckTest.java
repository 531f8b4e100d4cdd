package org.smtpwatch.agent.mtasts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.dns.DnsClient;
import org.smtpwatch.agent.testkit.HttpsPolicyServer;
import org.smtpwatch.agent.testkit.LoopbackNameServer;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.DnsSettings;
import org.smtpwatch.config.MtaStsSettings;

/**
 * MTA-STS as a sender sees it: the TXT record from a real BIND, the policy from WireMock over HTTPS
 * with a test CA's certificate for {@code mta-sts.mail.test}, found through the same resolver.
 */
class MtaStsCheckTest {

  private static final String PATH = "/.well-known/mta-sts.txt";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final String VALID =
      "version: STSv1\r\nmode: enforce\r\nmx: mx1.mail.test\r\nmx: *.backup.mail.test\r\n"
          + "max_age: 86400\r\n";

  @TempDir static Path dir;
  private static LoopbackNameServer named;
  private static DnsClient dns;
  private static WireMockServer policyServer;
  private static WireMockServer wrongNameServer;
  private static Path caFile;

  private final MtaStsCheck check = new MtaStsCheck();

  @BeforeAll
  static void start() throws Exception {
    named =
        LoopbackNameServer.start(
            dir,
            "mail.test",
            "_mta-sts TXT \"v=STSv1; id=20261128T0300;\"",
            "mta-sts A 127.0.0.1",
            "_mta-sts.twice TXT \"v=STSv1; id=1;\"",
            "_mta-sts.twice TXT \"v=STSv1; id=2;\"");
    dns =
        DnsClient.of(
            new DnsSettings(
                List.of(named.address()), TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    TestCertificateAuthority ca =
        TestCertificateAuthority.root(CertificateSpec.forAuthority("MTA-STS test CA"));
    caFile = ca.writeCaPem(dir);
    policyServer =
        HttpsPolicyServer.start(ca.issue(CertificateSpec.forHosts("mta-sts.mail.test")), dir);
    wrongNameServer =
        HttpsPolicyServer.start(ca.issue(CertificateSpec.forHosts("mta-sts.other.test")), dir);
  }

  @AfterAll
  static void stop() throws Exception {
    policyServer.stop();
    wrongNameServer.stop();
    named.close();
  }

  @BeforeEach
  void resetStubs() {
    policyServer.resetAll();
  }

  @Test
  void aValidPolicyIsFetchedWithTheRightHostAndParsed() {
    serve(policy(VALID));

    MtaStsOutcome outcome = check("mail.test", policyServer);

    assertThat(outcome.failure()).isNull();
    assertThat(outcome.published()).isTrue();
    assertThat(outcome.id()).isEqualTo("20261128T0300");
    assertThat(outcome.policy())
        .isEqualTo(
            new MtaStsPolicy(
                MtaStsMode.ENFORCE, List.of("mx1.mail.test", "*.backup.mail.test"), 86400));
    policyServer.verify(
        getRequestedFor(urlEqualTo(PATH))
            .withHeader("Host", equalTo("mta-sts.mail.test:" + policyServer.httpsPort())));
  }

  @Test
  void aMalformedPolicyIsNamedWithWhatIsWrong() {
    serve(policy("version: STSv1\nmode: enforcing\nmx: mx1.mail.test\nmax_age: 86400\n"));

    MtaStsOutcome outcome = check("mail.test", policyServer);

    assertThat(outcome.failure())
        .isEqualTo(
            new FetchFailure(
                "malformed",
                "the policy is malformed: mode is \"enforcing\", not enforce, testing or none"));
    assertThat(outcome.id()).isEqualTo("20261128T0300");
  }

  @Test
  void anOversizedPolicyIsRefused() {
    serve(policy(VALID + "x: " + "a".repeat(PolicyFetcher.SIZE_LIMIT) + "\n"));

    assertThat(check("mail.test", policyServer).failure())
        .isEqualTo(new FetchFailure("too_large", "the policy is larger than 65536 bytes"));
  }

  @Test
  void aSlowServerIsCutOffAtTheTimeout() {
    serve(policy(VALID).withFixedDelay((int) TIMEOUT.toMillis() * 3));

    assertThat(check("mail.test", policyServer).failure().reason()).isEqualTo("timeout");
  }

  @Test
  void aRedirectIsNotFollowed() {
    serve(aResponse().withStatus(301).withHeader("Location", "https://elsewhere.test/policy"));

    assertThat(check("mail.test", policyServer).failure())
        .isEqualTo(
            new FetchFailure(
                "redirect",
                "mta-sts.mail.test answered 301 redirecting to https://elsewhere.test/policy;"
                    + " RFC 8461 forbids following redirects"));
  }

  @Test
  void aPolicyNotServedAsTextPlainIsRefused() {
    serve(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(VALID));

    assertThat(check("mail.test", policyServer).failure().reason()).isEqualTo("content_type");
  }

  @Test
  void aNotFoundIsAnHttpStatusFailure() {
    serve(aResponse().withStatus(404));

    assertThat(check("mail.test", policyServer).failure())
        .isEqualTo(new FetchFailure("http_status", "mta-sts.mail.test answered HTTP 404, not 200"));
  }

  @Test
  void aCertificateForAnotherNameFailsTls() {
    wrongNameServer.stubFor(get(urlEqualTo(PATH)).willReturn(policy(VALID)));

    FetchFailure failure = check("mail.test", wrongNameServer).failure();

    assertThat(failure.reason()).isEqualTo("tls");
    assertThat(failure.detail()).startsWith("TLS with mta-sts.mail.test failed: ");
    assertThat(wrongNameServer.getAllServeEvents()).isEmpty();
  }

  @Test
  void anUntrustedCertificateFailsTls() {
    serve(policy(VALID));

    MtaStsOutcome outcome =
        check.check(
            "mail.test", new MtaStsSettings(true, policyServer.httpsPort(), null), dns, TIMEOUT);

    assertThat(outcome.failure().reason()).isEqualTo("tls");
  }

  @Test
  void aDomainWithoutTheTxtRecordPublishesNoPolicy() {
    assertThat(check("nothing.mail.test", policyServer)).isEqualTo(MtaStsOutcome.NOT_PUBLISHED);
  }

  @Test
  void twoStsTxtRecordsAreInvalid() {
    FetchFailure failure = check("twice.mail.test", policyServer).failure();

    assertThat(failure)
        .isEqualTo(new FetchFailure("txt_invalid", "2 TXT records start with v=STSv1; need one"));
  }

  @Test
  void aPolicyHostThatDoesNotResolveIsADnsFailure() throws Exception {
    named.add("_mta-sts.noserver", org.xbill.DNS.Type.TXT, "\"v=STSv1; id=abc;\"");

    FetchFailure failure = check("noserver.mail.test", policyServer).failure();

    assertThat(failure.reason()).isEqualTo("dns");
    assertThat(failure.detail())
        .isEqualTo(
            "cannot resolve mta-sts.noserver.mail.test: mta-sts.noserver.mail.test does not exist"
                + " (NXDOMAIN)");
  }

  private MtaStsOutcome check(String domain, WireMockServer server) {
    return check.check(domain, new MtaStsSettings(true, server.httpsPort(), caFile), dns, TIMEOUT);
  }

  private static void serve(ResponseDefinitionBuilder response) {
    policyServer.stubFor(get(urlEqualTo(PATH)).willReturn(response));
  }

  private static ResponseDefinitionBuilder policy(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(body);
  }
}
