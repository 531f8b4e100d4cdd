package org.smtpwatch.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** Bouncy Castle's form of each EC verification key is made once per encoding, and bounded. */
class VerificationKeysTest {

  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private static KeyPair jdkEcPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** What the JDK makes of a certificate's key on each parse: a new object, the same bytes. */
  private static PublicKey parsedAgain(PublicKey key) throws GeneralSecurityException {
    return KeyFactory.getInstance("EC", "SunEC")
        .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
  }

  @Test
  void theSameKeyParsedTwiceGetsOneBouncyCastleKey() throws Exception {
    VerificationKeys keys = new VerificationKeys(() -> BOUNCY_CASTLE, 8);
    PublicKey jdk = jdkEcPair().getPublic();

    PublicKey first = keys.forVerification(jdk);
    PublicKey second = keys.forVerification(parsedAgain(jdk));

    assertThat(first).isInstanceOf(BCECPublicKey.class);
    assertThat(second).isSameAs(first);
    assertThat(first.getEncoded()).isEqualTo(jdk.getEncoded());
    assertThat(keys.size()).isEqualTo(1);
  }

  @Test
  void signaturesVerifyWithTheConvertedKeyAsWithTheJdks() throws Exception {
    VerificationKeys keys = new VerificationKeys(() -> BOUNCY_CASTLE, 8);
    KeyPair pair = jdkEcPair();
    byte[] data = "a CertificateVerify transcript".getBytes();
    Signature signer = Signature.getInstance("SHA256withECDSA", "SunEC");
    signer.initSign(pair.getPrivate());
    signer.update(data);
    byte[] signature = signer.sign();

    for (int i = 0; i < 2; i++) { // the second time with the kept key and its tables
      Signature verifier = Signature.getInstance("SHA256withECDSA", BOUNCY_CASTLE);
      verifier.initVerify(keys.forVerification(pair.getPublic()));
      verifier.update(data);
      assertThat(verifier.verify(signature)).isTrue();
      verifier.initVerify(keys.forVerification(pair.getPublic()));
      verifier.update("another transcript".getBytes());
      assertThat(verifier.verify(signature)).isFalse();
    }
  }

  @Test
  void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() throws Exception {
    VerificationKeys keys = new VerificationKeys(() -> BOUNCY_CASTLE, 2);
    PublicKey a = jdkEcPair().getPublic();
    PublicKey b = jdkEcPair().getPublic();
    PublicKey c = jdkEcPair().getPublic();

    PublicKey keptA = keys.forVerification(a);
    PublicKey keptB = keys.forVerification(b);
    assertThat(keys.forVerification(a)).isSameAs(keptA); // a is now the most recently used
    keys.forVerification(c);

    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.forVerification(a)).isSameAs(keptA);
    assertThat(keys.forVerification(b)).isNotSameAs(keptB); // b was dropped and made again
  }

  @Test
  void otherKeysPassUnchanged() throws Exception {
    VerificationKeys keys = new VerificationKeys(() -> BOUNCY_CASTLE, 8);
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    PublicKey key = rsa.generateKeyPair().getPublic();

    assertThat(keys.forVerification(key)).isSameAs(key);
    assertThat(keys.size()).isZero();
  }
}
