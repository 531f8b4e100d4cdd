package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.ExternalCommand;

/** The shipped name table against the installed OpenSSL, for every suite this JDK can negotiate. */
class OpenSslCipherNamesTest {

  @Test
  void everySuiteTheJdkSupportsHasOpenSslsOwnName() throws Exception {
    String openssl = ExternalCommand.locate("openssl", "openssl");
    Map<String, String> fromOpenSsl =
        ExternalCommand.runOrFail(
                Duration.ofSeconds(30), openssl, "ciphers", "-stdname", "ALL:COMPLEMENTOFALL")
            .stdout()
            .lines()
            .map(line -> line.trim().split("\\s+"))
            .collect(Collectors.toMap(f -> f[0], f -> f[2], (a, b) -> a));
    String[] jdkSuites = SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites();

    long checked =
        Arrays.stream(jdkSuites)
            .filter(fromOpenSsl::containsKey)
            .peek(
                suite ->
                    assertThat(OpenSslCipherNames.of(suite))
                        .as(suite)
                        .contains(fromOpenSsl.get(suite)))
            .count();

    assertThat(checked).as("suites both name").isGreaterThan(20);
  }

  @Test
  void tls12SuitesGetOpenSslsNameAndTls13SuitesKeepTheirs() {
    assertThat(new TlsSession("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384").openSslCipher())
        .isEqualTo("ECDHE-RSA-AES256-GCM-SHA384");
    assertThat(new TlsSession("TLSv1.3", "TLS_AES_256_GCM_SHA384").openSslCipher())
        .isEqualTo("TLS_AES_256_GCM_SHA384");
    assertThat(new TlsSession("TLSv1.2", "TLS_NOT_A_SUITE").openSslCipher())
        .isEqualTo("TLS_NOT_A_SUITE");
  }
}
