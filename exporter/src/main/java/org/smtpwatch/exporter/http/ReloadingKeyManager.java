package org.smtpwatch.exporter.http;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the PEM certificate and key of {@code web:} and reads them again when either file's
 * modification time changes, checked at each new TLS handshake: a renewed certificate (certbot,
 * cert-manager) is picked up without a restart. A pair that fails to load keeps the previous one in
 * use and is logged once per change.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

  private static final Logger log = LoggerFactory.getLogger(ReloadingKeyManager.class);

  /** What is served under one alias; a new alias per load, so a handshake never mixes two loads. */
  private record Loaded(
      String alias, PemKeyMaterial material, FileTime certTime, FileTime keyTime) {}

  private final Path certFile;
  private final Path keyFile;
  private volatile Loaded current;
  private volatile Loaded previous;
  private volatile FileTime[] lastFailed;
  private int generation;

  /**
   * @throws IOException when the files cannot be loaded at start: the server must not start with no
   *     certificate
   */
  ReloadingKeyManager(Path certFile, Path keyFile) throws IOException {
    this.certFile = certFile;
    this.keyFile = keyFile;
    FileTime[] times = times();
    this.current =
        new Loaded(nextAlias(), PemKeyMaterial.load(certFile, keyFile), times[0], times[1]);
  }

  /** Reads the files again if they changed since the last load; called at each handshake. */
  synchronized void reloadIfChanged() {
    FileTime[] times;
    try {
      times = times();
    } catch (IOException e) {
      logFailure(null, "cannot read the modification time: " + e.getMessage());
      return;
    }
    Loaded loaded = current;
    if (times[0].equals(loaded.certTime()) && times[1].equals(loaded.keyTime())) {
      return;
    }
    try {
      PemKeyMaterial material = PemKeyMaterial.load(certFile, keyFile);
      previous = loaded;
      current = new Loaded(nextAlias(), material, times[0], times[1]);
      lastFailed = null;
      log.info(
          "HTTPS certificate reloaded from {} (subject {})",
          certFile,
          material.chain().get(0).getSubjectX500Principal().getName());
    } catch (IOException e) {
      logFailure(times, e.getMessage());
    }
  }

  private void logFailure(FileTime[] times, String problem) {
    if (times == null || lastFailed == null || !Arrays.equals(times, lastFailed)) {
      log.warn("HTTPS certificate not reloaded, keeping the previous one: {}", problem);
      lastFailed = times;
    }
  }

  private FileTime[] times() throws IOException {
    return new FileTime[] {Files.getLastModifiedTime(certFile), Files.getLastModifiedTime(keyFile)};
  }

  private String nextAlias() {
    return "smtpwatch-" + (++generation);
  }

  private Loaded byAlias(String alias) {
    Loaded now = current;
    if (Objects.equals(alias, now.alias())) {
      return now;
    }
    Loaded before = previous;
    return before != null && Objects.equals(alias, before.alias()) ? before : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseServerAlias(keyType, issuers, null);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    reloadIfChanged();
    Loaded now = current;
    return now.material().key().getAlgorithm().equals(keyAlgorithm(keyType)) ? now.alias() : null;
  }

  // JSSE asks per key type: "RSA", "EC", "EdDSA", "RSASSA-PSS"; our key has one algorithm.
  private static String keyAlgorithm(String keyType) {
    return keyType.equals("RSASSA-PSS") ? "RSA" : keyType.equals("EdDSA") ? "Ed25519" : keyType;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Loaded loaded = byAlias(alias);
    return loaded == null ? null : loaded.material().chain().toArray(new X509Certificate[0]);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Loaded loaded = byAlias(alias);
    return loaded == null ? null : loaded.material().key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = chooseServerAlias(keyType, issuers, null);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
