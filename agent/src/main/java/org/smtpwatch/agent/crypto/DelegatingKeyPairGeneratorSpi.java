package org.smtpwatch.agent.crypto;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/**
 * A key pair generator that hands every call to another provider's {@link KeyPairGenerator}.
 *
 * <p>A named curve given as its parameters (as the JDK's TLS gives P-256 for a key share) is passed
 * on by name: Bouncy Castle then uses its own constants for the curve, whose precomputed multiples
 * of the generator are kept, instead of converting the parameters into a new curve, whose table it
 * would compute again for every key pair (three times the work of the key pair itself).
 */
final class DelegatingKeyPairGeneratorSpi extends KeyPairGeneratorSpi {

  private final KeyPairGenerator delegate;

  DelegatingKeyPairGeneratorSpi(KeyPairGenerator delegate) {
    this.delegate = delegate;
  }

  @Override
  public void initialize(int keysize, SecureRandom random) {
    delegate.initialize(keysize, random);
  }

  @Override
  public void initialize(AlgorithmParameterSpec params, SecureRandom random)
      throws InvalidAlgorithmParameterException {
    delegate.initialize(named(params), random);
  }

  private static AlgorithmParameterSpec named(AlgorithmParameterSpec params) {
    if (!(params instanceof ECParameterSpec curve)) {
      return params;
    }
    try {
      // The JDK's own EC parameters: they know the names of the curves its TLS offers.
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(curve);
      return parameters.getParameterSpec(ECGenParameterSpec.class);
    } catch (GeneralSecurityException e) {
      return params; // not a named curve: Bouncy Castle takes the parameters as they are
    }
  }

  @Override
  public KeyPair generateKeyPair() {
    return delegate.generateKeyPair();
  }
}
