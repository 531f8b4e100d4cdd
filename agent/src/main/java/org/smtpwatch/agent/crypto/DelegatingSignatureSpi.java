package org.smtpwatch.agent.crypto;

import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;

/**
 * A signature engine that hands every call to another provider's {@link Signature}, verifying with
 * that provider's own form of the key ({@link VerificationKeys}).
 */
final class DelegatingSignatureSpi extends SignatureSpi {

  private final Signature delegate;
  private final VerificationKeys keys;

  DelegatingSignatureSpi(Signature delegate, VerificationKeys keys) {
    this.delegate = delegate;
    this.keys = keys;
  }

  @Override
  protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
    delegate.initVerify(keys.forVerification(publicKey));
  }

  @Override
  protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
    delegate.initSign(privateKey);
  }

  @Override
  protected void engineInitSign(PrivateKey privateKey, SecureRandom random)
      throws InvalidKeyException {
    delegate.initSign(privateKey, random);
  }

  @Override
  protected void engineUpdate(byte b) throws SignatureException {
    delegate.update(b);
  }

  @Override
  protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
    delegate.update(b, off, len);
  }

  @Override
  protected void engineUpdate(ByteBuffer input) {
    try {
      delegate.update(input);
    } catch (SignatureException e) {
      // Only thrown when not initialised, which Signature checks before it calls an engine.
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected byte[] engineSign() throws SignatureException {
    return delegate.sign();
  }

  @Override
  protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
    return delegate.verify(sigBytes);
  }

  @Override
  protected void engineSetParameter(AlgorithmParameterSpec params)
      throws InvalidAlgorithmParameterException {
    delegate.setParameter(params);
  }

  @Override
  protected AlgorithmParameters engineGetParameters() {
    return delegate.getParameters();
  }

  @Override
  @SuppressWarnings("deprecation")
  protected void engineSetParameter(String param, Object value) {
    delegate.setParameter(param, value);
  }

  @Override
  @SuppressWarnings("deprecation")
  protected Object engineGetParameter(String param) {
    return delegate.getParameter(param);
  }
}
