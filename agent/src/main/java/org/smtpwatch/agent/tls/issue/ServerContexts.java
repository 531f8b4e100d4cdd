package org.smtpwatch.agent.tls.issue;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** TLS server contexts for issued certificates: the demo's mail server and the tests' servers. */
public final class ServerContexts {

  // The store lives only in memory, for the length of this call; the password protects nothing.
  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

  private ServerContexts() {}

  /** A context presenting {@code chain} (leaf first) with {@code key}; it accepts no clients. */
  public static SSLContext presenting(List<X509Certificate> chain, PrivateKey key)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, IN_MEMORY_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
