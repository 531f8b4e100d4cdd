package org.smtpwatch.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.tls.issue.KeyType;

/**
 * The provider takes over ECDSA, EC key generation and XDH, and nothing else: the JDK keeps what it
 * does well (AES-GCM and SHA-2 on CPU instructions, RSA, ECDH).
 */
class BouncyCastleEcProviderTest {

  @BeforeAll
  static void install() {
    BouncyCastleEcProvider.installFirst();
  }

  /** A P-256 pair made by the JDK's own provider, as a server or another library would. */
  private static KeyPair jdkEcPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  @Test
  void isFirstAndInstalledOnce() {
    assertThat(Security.getProviders()[0].getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(BouncyCastleEcProvider.installFirst()).isFalse();
    assertThat(Security.getProviders())
        .filteredOn(p -> p.getName().equals(BouncyCastleEcProvider.NAME))
        .hasSize(1);
  }

  @Test
  void verifiesEcdsaSignaturesTheJdkMade() throws Exception {
    KeyPair pair = jdkEcPair();
    byte[] data = "the server's handshake transcript".getBytes();
    Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
    jdk.initSign(pair.getPrivate());
    jdk.update(data);
    byte[] signature = jdk.sign();

    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(data);

    assertThat(verifier.getProvider().getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(verifier.verify(signature)).isTrue();
    verifier.initVerify(pair.getPublic());
    verifier.update("a different transcript".getBytes());
    assertThat(verifier.verify(signature)).isFalse();
  }

  @Test
  void signsWhatTheJdkVerifies() throws Exception {
    KeyPair pair = jdkEcPair();
    byte[] data = "a CertificateVerify".getBytes();
    Signature signer = Signature.getInstance("SHA384withECDSA");
    signer.initSign(pair.getPrivate());
    signer.update(data);
    byte[] signature = signer.sign();

    Signature jdk = Signature.getInstance("SHA384withECDSA", "SunEC");
    jdk.initVerify(pair.getPublic());
    jdk.update(data);
    assertThat(signer.getProvider().getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(jdk.verify(signature)).isTrue();
  }

  @Test
  void otherKeysAndAlgorithmsStayWithTheJdk() throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(KeyType.RSA_2048.generate().getPublic());

    assertThat(rsa.getProvider().getName()).isNotEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName()).isEqualTo("SunJCE");
    assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo("SUN");
    assertThat(KeyAgreement.getInstance("X25519").getProvider().getName()).isEqualTo("SunEC");
    assertThat(KeyAgreement.getInstance("ECDH").getProvider().getName()).isEqualTo("SunEC");
  }

  @Test
  void generatesKeysOnNamedCurvesGivenByName() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();

    assertThat(generator.getProvider().getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
  }

  /** As the JDK's TLS asks for a key share: the curve's parameters, not its name. */
  @Test
  void generatesKeysOnNamedCurvesGivenAsParameters() throws Exception {
    AlgorithmParameters named = AlgorithmParameters.getInstance("EC");
    named.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec p256 = named.getParameterSpec(ECParameterSpec.class);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(p256);
    KeyPair pair = generator.generateKeyPair();

    // The JDK's ECDH agrees with such a key: what a P-256 key share needs.
    KeyPair peer = jdkEcPair();
    KeyAgreement ours = KeyAgreement.getInstance("ECDH");
    ours.init(pair.getPrivate());
    ours.doPhase(peer.getPublic(), true);
    KeyAgreement theirs = KeyAgreement.getInstance("ECDH");
    theirs.init(peer.getPrivate());
    theirs.doPhase(pair.getPublic(), true);
    assertThat(ours.generateSecret()).isEqualTo(theirs.generateSecret());
    assertThat(((ECPublicKey) pair.getPublic()).getParams().getOrder()).isEqualTo(p256.getOrder());
  }

  /** As the JDK's TLS makes an X25519 key share and reads the server's: XDH by its curve's name. */
  @Test
  void x25519KeySharesAgreeWithTheJdks() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
    generator.initialize(NamedParameterSpec.X25519);
    KeyPair ours = generator.generateKeyPair();
    KeyPair theirs = jdkX25519Pair();
    // The server's share arrives as its u coordinate alone.
    XECPublicKeySpec received =
        new XECPublicKeySpec(NamedParameterSpec.X25519, ((XECPublicKey) theirs.getPublic()).getU());
    KeyFactory factory = KeyFactory.getInstance("XDH");
    PublicKey serverShare = factory.generatePublic(received);

    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(ours.getPrivate());
    agreement.doPhase(serverShare, true);
    KeyAgreement jdk = KeyAgreement.getInstance("XDH", "SunEC");
    jdk.init(theirs.getPrivate());
    jdk.doPhase(ours.getPublic(), true);

    assertThat(generator.getProvider().getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(factory.getProvider().getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(agreement.getProvider().getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(ours.getPublic()).isInstanceOf(XECPublicKey.class);
    assertThat(ours.getPrivate()).isInstanceOf(XECPrivateKey.class);
    assertThat(agreement.generateSecret()).hasSize(32).isEqualTo(jdk.generateSecret());
  }

  /** A key the JDK made (a server in the same JVM, another library) agrees here too. */
  @Test
  void agreesWithAPrivateKeyTheJdkMade() throws Exception {
    KeyPair jdkPair = jdkX25519Pair();
    KeyPair peer = jdkX25519Pair();

    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(jdkPair.getPrivate());
    agreement.doPhase(peer.getPublic(), true);
    KeyAgreement jdk = KeyAgreement.getInstance("XDH", "SunEC");
    jdk.init(peer.getPrivate());
    jdk.doPhase(jdkPair.getPublic(), true);

    assertThat(agreement.getProvider().getName()).isEqualTo(BouncyCastleEcProvider.NAME);
    assertThat(agreement.generateSecret()).isEqualTo(jdk.generateSecret());
  }

  private static KeyPair jdkX25519Pair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH", "SunEC");
    generator.initialize(NamedParameterSpec.X25519);
    return generator.generateKeyPair();
  }
}
