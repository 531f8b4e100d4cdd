package org.smtpwatch.agent.crypto;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;

/** A key factory that hands every call to another provider's {@link KeyFactory}. */
final class DelegatingKeyFactorySpi extends KeyFactorySpi {

  private final KeyFactory delegate;

  DelegatingKeyFactorySpi(KeyFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
    return delegate.generatePublic(keySpec);
  }

  @Override
  protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
    return delegate.generatePrivate(keySpec);
  }

  @Override
  protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec)
      throws InvalidKeySpecException {
    return delegate.getKeySpec(key, keySpec);
  }

  @Override
  protected Key engineTranslateKey(Key key) throws InvalidKeyException {
    return delegate.translateKey(key);
  }
}
