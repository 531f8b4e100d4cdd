package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.agent.tls.issue.KeyType;

class HostnameMatcherTest {

  private final HostnameMatcher matcher = new HostnameMatcher();

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "mail.example.com, mail.example.com, true",
    "MAIL.Example.COM, mail.example.com, true",
    "mail.example.com, Mail.Example.Com, true",
    "mail.example.com, mail.example.com., true",
    "mail.example.com., mail.example.com, true",
    "mail.example.com, smtp.example.com, false",
    "mail.example.com, example.com, false",
    "*.example.com, mail.example.com, true",
    "*.example.com, MAIL.EXAMPLE.COM, true",
    "*.example.com, example.com, false",
    "*.example.com, a.b.example.com, false",
    "*.example.com, .example.com, false",
    "*.com, example.com, false",
    "*, localhost, false",
    "m*.example.com, mail.example.com, false",
    "*mail.example.com, mail.example.com, false",
    "mail.*.com, mail.example.com, false",
    "*.*.example.com, a.b.example.com, false",
    "*.example.com, 1.example.com, true",
    "*.0.0.1, 127.0.0.1, false",
    "127.0.0.1, 127.0.0.1, false",
    "xn--bcher-kva.example, bücher.example, true",
    "*.xn--bcher-kva.example, mail.bücher.example, true",
    "xn--bcher-kva.example, BÜCHER.example, true",
    "bucher.example, bücher.example, false",
  })
  void dnsNamePatterns(String pattern, String host, boolean expected) {
    assertThat(matcher.matchesDnsName(pattern, host)).isEqualTo(expected);
  }

  @Test
  void ipLiteralMatchesOnlyIpSans() {
    X509Certificate cert = leaf(CertificateSpec.forHosts("localhost", "127.0.0.1", "::1"));

    assertThat(matcher.matches(cert, "127.0.0.1")).isTrue();
    assertThat(matcher.matches(cert, "::1")).isTrue();
    assertThat(matcher.matches(cert, "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(matcher.matches(cert, "[::1]")).isTrue();
    assertThat(matcher.matches(cert, "127.0.0.2")).isFalse();
    assertThat(matcher.matches(cert, "LOCALHOST")).isTrue();
  }

  @Test
  void ipLiteralDoesNotMatchADnsSanSpellingTheAddress() {
    X509Certificate cert = leaf(CertificateSpec.forHosts("mail.example.org"));
    X509Certificate spelled =
        leaf(
            new CertificateSpec(
                "127.0.0.1",
                List.of("127.0.0.1"),
                List.of(),
                TestCertificates.now(),
                TestCertificates.now().plusSeconds(3600),
                KeyType.EC_P256));

    assertThat(matcher.matches(cert, "127.0.0.1")).isFalse();
    assertThat(matcher.matches(spelled, "127.0.0.1")).isFalse();
  }

  @Test
  void commonNameIsIgnoredWhenSansExist() {
    X509Certificate cert =
        leaf(CertificateSpec.forHosts("mail.example.org").withCommonName("legacy.example.org"));

    assertThat(matcher.matches(cert, "mail.example.org")).isTrue();
    assertThat(matcher.matches(cert, "legacy.example.org")).isFalse();
  }

  @Test
  void commonNameIsTheLastResortWithoutSans() {
    X509Certificate cert = leaf(CertificateSpec.forHosts().withCommonName("Legacy.Example.org"));

    assertThat(matcher.matches(cert, "legacy.example.org")).isTrue();
    assertThat(matcher.matches(cert, "other.example.org")).isFalse();
  }

  @Test
  void wildcardSanCoversOneLabel() {
    X509Certificate cert = leaf(CertificateSpec.forHosts("*.example.net"));

    assertThat(matcher.matches(cert, "smtp.example.net")).isTrue();
    assertThat(matcher.matches(cert, "example.net")).isFalse();
    assertThat(matcher.matches(cert, "a.smtp.example.net")).isFalse();
  }

  private static X509Certificate leaf(CertificateSpec spec) {
    return TestCertificates.selfSigned(spec).leaf();
  }
}
