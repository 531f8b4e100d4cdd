package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** Key facts for key types the loopback tests do not serve. */
class CertificateInspectorTest {

  @Test
  void ed25519IsNamedByItsCurve() throws Exception {
    PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();

    assertThat(CertificateInspector.keyAlgorithm(key)).isEqualTo("Ed25519");
    assertThat(CertificateInspector.keyBits(key)).isEqualTo(255);
  }

  @Test
  void curveTheJdkCannotDecodeIsSizedByBouncyCastle() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
    generator.initialize(new ECGenParameterSpec("brainpoolP384r1"));
    byte[] encoded = generator.generateKeyPair().getPublic().getEncoded();
    // What the JDK hands out for a curve its provider dropped: an opaque key with only its DER.
    PublicKey opaque =
        new PublicKey() {
          @Override
          public String getAlgorithm() {
            return "EC";
          }

          @Override
          public String getFormat() {
            return "X.509";
          }

          @Override
          public byte[] getEncoded() {
            return encoded.clone();
          }
        };

    assertThat(CertificateInspector.keyBits(opaque)).isEqualTo(384);
  }
}
