package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class BcryptAuthenticatorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
  private final BcryptAuthenticator authenticator =
      new BcryptAuthenticator(Map.of("prometheus", hash("s3cret")), clock);

  @Test
  void theRightPasswordPassesAgainAndAgainAWrongOneNever() {
    assertThat(authenticator.checkCredentials("prometheus", "s3cret")).isTrue();
    assertThat(authenticator.checkCredentials("prometheus", "s3cret")).isTrue();
    assertThat(authenticator.checkCredentials("prometheus", "s3cret ")).isFalse();
    assertThat(authenticator.checkCredentials("Prometheus", "s3cret")).isFalse();
    assertThat(authenticator.checkCredentials("nobody", "s3cret")).isFalse();
    clock.advance(Duration.ofHours(1)); // past the remembered login: bcrypt again, same answer
    assertThat(authenticator.checkCredentials("prometheus", "s3cret")).isTrue();
  }

  @Test
  void anOverlongOrOddPasswordIsRefusedNotAnError() {
    assertThat(authenticator.checkCredentials("prometheus", "x".repeat(200))).isFalse();
    assertThat(authenticator.checkCredentials("prometheus", "")).isFalse();
  }

  private static String hash(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 4);
  }
}
