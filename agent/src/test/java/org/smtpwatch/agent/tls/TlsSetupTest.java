package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.config.TlsPolicy;

/** Trust material is loaded once per policy, and a bad {@code ca_file} is one clear error. */
class TlsSetupTest {

  @TempDir Path dir;

  @Test
  void missingCaFileNamesTheFile() {
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(() -> TlsHandshaker.forPolicy(policy(missing)))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageStartingWith("ca_file " + missing + ": cannot read: NoSuchFileException");
  }

  @Test
  void directoryAsCaFileCannotBeRead() {
    assertThatThrownBy(() -> TlsHandshaker.forPolicy(policy(dir)))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageStartingWith("ca_file " + dir + ": cannot read: ");
  }

  @Test
  void emptyCaFileHoldsNoCertificate() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.pem"));

    assertThatThrownBy(() -> TlsHandshaker.forPolicy(policy(empty)))
        .isInstanceOf(TlsSetupException.class)
        .hasMessage(
            "ca_file "
                + empty
                + ": no PEM certificate found (expected -----BEGIN CERTIFICATE----- blocks)");
  }

  @Test
  void garbageCaFileHoldsNoCertificate() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a certificate\n");

    assertThatThrownBy(() -> TlsHandshaker.forPolicy(policy(garbage)))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("no PEM certificate found");
  }

  @Test
  void corruptPemBlockIsNotValidPem() throws Exception {
    Path corrupt =
        Files.writeString(
            dir.resolve("corrupt.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA!!!!not base64\n-----END CERTIFICATE-----\n",
            StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> TlsHandshaker.forPolicy(policy(corrupt)))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageStartingWith("ca_file " + corrupt + ": not a valid PEM certificate bundle: ");
  }

  @Test
  void bundleWithAKeyAndACertificateIsAccepted() throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost();
    Path key = certs.writePrivateKeyPem(dir);
    Path ca = certs.writeCaPem(dir);
    Path bundle =
        Files.writeString(dir.resolve("bundle.pem"), Files.readString(key) + Files.readString(ca));

    assertThatCode(() -> TlsHandshaker.forPolicy(policy(bundle))).doesNotThrowAnyException();
  }

  @Test
  void unknownMinVersionIsASetupError() {
    TlsPolicy policy = new TlsPolicy(true, true, null, null, "TLSv9");

    assertThatThrownBy(() -> TlsHandshaker.forPolicy(policy))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageStartingWith("unknown min_version TLSv9");
  }

  private static TlsPolicy policy(Path caFile) {
    return new TlsPolicy(true, true, caFile, null, null);
  }
}
