package org.smtpwatch.agent.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestOcspResponses;
import org.smtpwatch.agent.tls.issue.CertificateSpec;

class OcspResponseCheckTest {

  private static final Instant NOW = TestCertificates.now();

  private final TestCertificateAuthority ca = TestCertificates.authority();
  private final TestCertificates certs = ca.issue(CertificateSpec.forHosts("mx.example.org"));
  private final OcspSubject subject = new OcspSubject(certs.leaf(), ca.certificate());
  private final OcspResponseCheck check = new OcspResponseCheck(Clock.fixed(NOW, ZoneOffset.UTC));

  private TestOcspResponses response() {
    return TestOcspResponses.about(ca, certs.leaf());
  }

  @Test
  void aGoodResponseCarriesItsDates() {
    Instant thisUpdate = NOW.minus(Duration.ofHours(2));
    Instant nextUpdate = NOW.plus(Duration.ofDays(4));

    OcspResult result =
        check.check(response().updates(thisUpdate, nextUpdate).der(), subject, null);

    assertThat(result)
        .isEqualTo(
            new OcspResult(OcspStatus.GOOD, thisUpdate, nextUpdate, null, null, null, "good"));
  }

  @Test
  void aRevokedCertificateNamesTimeAndReason() {
    Instant revokedAt = NOW.minus(Duration.ofDays(1));

    OcspResult result =
        check.check(response().revoked(revokedAt, CRLReason.keyCompromise).der(), subject, null);

    assertThat(result.status()).isEqualTo(OcspStatus.REVOKED);
    assertThat(result.revokedAt()).isEqualTo(revokedAt);
    assertThat(result.revocationReason()).isEqualTo("keyCompromise");
    assertThat(result.detail()).isEqualTo("revoked at " + revokedAt + " (keyCompromise)");
  }

  @Test
  void revokedStaysRevokedWhenTheResponseIsStale() {
    byte[] stale =
        response()
            .revoked(NOW.minus(Duration.ofDays(30)), CRLReason.superseded)
            .updates(NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(13)))
            .der();

    assertThat(check.check(stale, subject, null).status()).isEqualTo(OcspStatus.REVOKED);
  }

  @Test
  void anUnknownCertificateIsUnknown() {
    assertThat(check.check(response().unknown().der(), subject, null).status())
        .isEqualTo(OcspStatus.UNKNOWN);
  }

  @Test
  void aResponsePastItsNextUpdateIsExpired() {
    Instant nextUpdate = NOW.minus(Duration.ofHours(1));

    OcspResult result =
        check.check(
            response().updates(NOW.minus(Duration.ofDays(7)), nextUpdate).der(), subject, null);

    assertThat(result.status()).isEqualTo(OcspStatus.EXPIRED);
    assertThat(result.nextUpdate()).isEqualTo(nextUpdate);
    assertThat(result.detail()).isEqualTo("past its next update " + nextUpdate);
  }

  @Test
  void aResponseFromTheFutureIsNotAccepted() {
    Instant thisUpdate = NOW.plus(Duration.ofHours(1));

    OcspResult result =
        check.check(
            response().updates(thisUpdate, thisUpdate.plus(Duration.ofDays(1))).der(),
            subject,
            null);

    assertThat(result.status()).isEqualTo(OcspStatus.EXPIRED);
    assertThat(result.detail()).isEqualTo("produced in the future " + thisUpdate);
  }

  @Test
  void aResponseSignedByAnotherKeyIsABadSignature() {
    OcspResult result =
        check.check(response().signedBy(TestCertificates.authority()).der(), subject, null);

    assertThat(result.status()).isEqualTo(OcspStatus.BAD_SIGNATURE);
    assertThat(result.detail())
        .startsWith("the response is signed neither by the issuer")
        .endsWith("nor by a responder it delegated to");
  }

  @Test
  void aDelegatedResponderIsAcceptedOnlyWithTheOcspSigningUsage() {
    byte[] delegated = response().signedBy(TestOcspResponses.responder(ca, true)).der();
    byte[] notDelegated = response().signedBy(TestOcspResponses.responder(ca, false)).der();

    assertThat(check.check(delegated, subject, null).status()).isEqualTo(OcspStatus.GOOD);
    assertThat(check.check(notDelegated, subject, null).status())
        .isEqualTo(OcspStatus.BAD_SIGNATURE);
  }

  @Test
  void aResponderCertificateFromAnotherAuthorityIsNotADelegate() {
    TestCertificateAuthority other = TestCertificates.authority();
    byte[] foreign = response().signedBy(TestOcspResponses.responder(other, true)).der();

    assertThat(check.check(foreign, subject, null).status()).isEqualTo(OcspStatus.BAD_SIGNATURE);
  }

  @Test
  void aResponseAboutAnotherSerialIsForTheWrongCertificate() {
    OcspResult result =
        check.check(response().forSerial(BigInteger.valueOf(42)).der(), subject, null);

    assertThat(result.status()).isEqualTo(OcspStatus.WRONG_CERTIFICATE);
    assertThat(result.detail())
        .startsWith(
            "the response has no entry for serial " + certs.leaf().getSerialNumber().toString(16));
  }

  @Test
  void aResponseAboutTheSameSerialFromAnotherIssuerIsForTheWrongCertificate() {
    TestCertificateAuthority other = TestCertificates.authority();
    OcspSubject sameSerialOtherIssuer = new OcspSubject(certs.leaf(), other.certificate());

    assertThat(check.check(response().der(), sameSerialOtherIssuer, null).status())
        .isEqualTo(OcspStatus.WRONG_CERTIFICATE);
  }

  @Test
  void bytesThatAreNoOcspResponseAreMalformed() {
    OcspResult result = check.check(new byte[] {0x30, 0x03, 0x0a, 0x01}, subject, null);

    assertThat(result.status()).isEqualTo(OcspStatus.MALFORMED);
    assertThat(result.detail()).startsWith("not an OCSP response: ");
  }

  @Test
  void anErrorStatusIsTheRespondersError() {
    OcspResult result =
        check.check(TestOcspResponses.error(OCSPRespBuilder.TRY_LATER), subject, null);

    assertThat(result)
        .isEqualTo(OcspResult.of(OcspStatus.RESPONDER_ERROR, "the responder answered tryLater"));
  }

  @Test
  void anEchoedNonceMustBeTheOneSent() {
    byte[] sent = {4, 2, 1, 2};
    byte[] echoed = response().nonce(sent).der();
    byte[] replayed = response().nonce(new byte[] {4, 2, 9, 9}).der();
    byte[] ignored = response().der();

    assertThat(check.check(echoed, subject, sent).status()).isEqualTo(OcspStatus.GOOD);
    assertThat(check.check(ignored, subject, sent).status()).isEqualTo(OcspStatus.GOOD);
    assertThat(check.check(replayed, subject, sent).status()).isEqualTo(OcspStatus.NONCE_MISMATCH);
  }

  @Test
  void withoutTheIssuerNothingCanBeChecked() {
    OcspResult result = check.check(response().der(), new OcspSubject(certs.leaf(), null), null);

    assertThat(result.status()).isEqualTo(OcspStatus.NO_ISSUER);
  }

  @Test
  void theIssuerIsFoundInTheChainOrAmongTheAnchors() {
    TestCertificateAuthority intermediate =
        ca.intermediate(CertificateSpec.forAuthority(TestCertificates.uniqueName("sub")));
    TestCertificates below = intermediate.issue(CertificateSpec.forHosts("mx.example.org"));

    assertThat(OcspSubject.of(below.chain(), new java.security.cert.X509Certificate[0]).issuer())
        .isEqualTo(intermediate.certificate());
    assertThat(
            OcspSubject.of(
                    List.of(certs.leaf()),
                    new java.security.cert.X509Certificate[] {
                      TestCertificates.authority().certificate(), ca.certificate()
                    })
                .issuer())
        .isEqualTo(ca.certificate());
    assertThat(
            OcspSubject.of(List.of(certs.leaf()), new java.security.cert.X509Certificate[0])
                .issuer())
        .isNull();
  }

  @Test
  void theResponderUrlComesFromTheAuthorityInformationAccess() {
    TestCertificates withAia =
        ca.issue(CertificateSpec.forHosts("mx.example.org").withOcspUrl("http://127.0.0.1:9/ocsp"));

    assertThat(new OcspSubject(withAia.leaf(), ca.certificate()).responderUrl())
        .contains("http://127.0.0.1:9/ocsp");
    assertThat(subject.responderUrl()).isEmpty();
  }
}
