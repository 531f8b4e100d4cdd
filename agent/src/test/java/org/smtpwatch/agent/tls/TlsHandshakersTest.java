package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.config.TlsPolicy;

/** Trust material is built once per policy and rebuilt only when the ca_file changes. */
class TlsHandshakersTest {

  @TempDir Path dir;

  private final TlsHandshakers handshakers = new TlsHandshakers();

  @Test
  void equalPoliciesShareOneHandshaker() throws Exception {
    Path ca = TestCertificates.forLocalhost().writeCaPem(dir);

    TlsHandshaker first = handshakers.forPolicy(policy(ca));
    TlsHandshaker second = handshakers.forPolicy(policy(ca));

    assertThat(second).isSameAs(first);
  }

  @Test
  void theJdkTrustStoreIsLoadedOncePerPolicy() throws Exception {
    TlsPolicy jdkTrust = new TlsPolicy(true, true, null, null, null);

    assertThat(handshakers.forPolicy(jdkTrust))
        .isSameAs(handshakers.forPolicy(new TlsPolicy(true, true, null, null, null)));
  }

  @Test
  void differentPoliciesGetDifferentHandshakers() throws Exception {
    Path ca = TestCertificates.forLocalhost().writeCaPem(dir);

    assertThat(handshakers.forPolicy(policy(ca)))
        .isNotSameAs(handshakers.forPolicy(new TlsPolicy(true, false, ca, null, null)));
  }

  @Test
  void aRotatedCaFileIsReadAgain() throws Exception {
    Path ca = TestCertificates.forLocalhost().writeCaPem(dir);
    TlsHandshaker before = handshakers.forPolicy(policy(ca));
    FileTime written = Files.getLastModifiedTime(ca);
    Path rotated =
        TestCertificates.forLocalhost().writeCaPem(Files.createDirectory(dir.resolve("new")));
    Files.move(rotated, ca, StandardCopyOption.REPLACE_EXISTING);
    // Set explicitly: two writes within the file system's time resolution share a time stamp.
    Files.setLastModifiedTime(ca, FileTime.fromMillis(written.toMillis() + 10_000));

    TlsHandshaker after = handshakers.forPolicy(policy(ca));

    assertThat(after).isNotSameAs(before);
    assertThat(handshakers.forPolicy(policy(ca))).isSameAs(after);
  }

  @Test
  void aCaFileThatFailedIsTriedAgainOnceItIsFixed() throws Exception {
    Path ca = dir.resolve("ca.pem");
    assertThatThrownBy(() -> handshakers.forPolicy(policy(ca)))
        .isInstanceOf(TlsSetupException.class);

    TestCertificates.forLocalhost().writeCaPem(dir);

    assertThat(handshakers.forPolicy(policy(ca))).isNotNull();
  }

  private static TlsPolicy policy(Path caFile) {
    return new TlsPolicy(true, true, caFile, null, null);
  }
}
