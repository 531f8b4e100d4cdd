package org.smtpwatch.agent.crypto;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyAgreementSpi;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;

/** A key agreement that hands every call to another provider's {@link KeyAgreement}. */
final class DelegatingKeyAgreementSpi extends KeyAgreementSpi {

  private final KeyAgreement delegate;

  DelegatingKeyAgreementSpi(KeyAgreement delegate) {
    this.delegate = delegate;
  }

  @Override
  protected void engineInit(Key key, SecureRandom random) throws InvalidKeyException {
    delegate.init(key, random);
  }

  @Override
  protected void engineInit(Key key, AlgorithmParameterSpec params, SecureRandom random)
      throws InvalidKeyException, InvalidAlgorithmParameterException {
    delegate.init(key, params, random);
  }

  @Override
  protected Key engineDoPhase(Key key, boolean lastPhase) throws InvalidKeyException {
    return delegate.doPhase(key, lastPhase);
  }

  @Override
  protected byte[] engineGenerateSecret() {
    return delegate.generateSecret();
  }

  @Override
  protected int engineGenerateSecret(byte[] sharedSecret, int offset) throws ShortBufferException {
    return delegate.generateSecret(sharedSecret, offset);
  }

  @Override
  protected SecretKey engineGenerateSecret(String algorithm)
      throws NoSuchAlgorithmException, InvalidKeyException {
    return delegate.generateSecret(algorithm);
  }
}
