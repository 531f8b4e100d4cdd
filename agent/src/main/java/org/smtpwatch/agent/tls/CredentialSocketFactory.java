package org.smtpwatch.agent.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * TLS sockets for the login session (Angus Mail's {@code mail.smtp.ssl.socketFactory}): the same
 * trust anchors, name check, SNI and minimum version as the handshake probe, but always verifying,
 * whatever {@code tls.verify} says. A password goes only to a server whose certificate checks out;
 * there is no trust-all path.
 *
 * <p>Every socket is handed to {@code guard} first, so the probe's alarm can close it at the
 * deadline like the probe's own.
 */
final class CredentialSocketFactory extends SSLSocketFactory {

  private final ChainValidator validator;
  private final String expectedName;
  private final String minVersion;
  private final Consumer<Socket> guard;

  CredentialSocketFactory(
      ChainValidator validator, String expectedName, String minVersion, Consumer<Socket> guard) {
    this.validator = validator;
    this.expectedName = expectedName;
    this.minVersion = minVersion;
    this.guard = guard;
  }

  /** One way of opening a socket with the JDK's factory of a fresh context. */
  @FunctionalInterface
  private interface Opening {
    Socket open(SSLSocketFactory jdk) throws IOException;
  }

  /** Implicit TLS: Angus Mail connects this unconnected socket itself. */
  @Override
  public Socket createSocket() throws IOException {
    return create(SSLSocketFactory::createSocket);
  }

  /** STARTTLS: layers TLS over the connected socket, naming the expected host, not the address. */
  @Override
  public Socket createSocket(Socket connected, String host, int port, boolean autoClose)
      throws IOException {
    return create(jdk -> jdk.createSocket(connected, expectedName, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return create(jdk -> jdk.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return create(jdk -> jdk.createSocket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return create(jdk -> jdk.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
      throws IOException {
    return create(jdk -> jdk.createSocket(address, port, local, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return SSLContextDefaults.defaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return SSLContextDefaults.supportedCipherSuites();
  }

  // A fresh context per socket, as in TlsHandshaker: a resumed session would skip the check.
  private SSLContext context() throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      RecordingTrustManager verifying = new RecordingTrustManager(validator, expectedName, true);
      context.init(null, new TrustManager[] {verifying}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private SSLSocket create(Opening opening) throws IOException {
    SSLSocket tls = (SSLSocket) opening.open(context().getSocketFactory());
    guard.accept(tls);
    String[] protocols = ProtocolVersions.atLeast(tls.getEnabledProtocols(), minVersion);
    if (protocols.length == 0) {
      tls.close();
      throw new IOException("no protocol enabled in this JVM is " + minVersion + " or newer");
    }
    TlsHandshaker.configure(tls, expectedName, protocols);
    return tls;
  }
}
