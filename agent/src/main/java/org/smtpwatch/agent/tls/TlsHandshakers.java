package org.smtpwatch.agent.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.smtpwatch.config.TlsPolicy;

/**
 * One {@link TlsHandshaker} per {@link TlsPolicy}, so the JDK trust store or a {@code ca_file} is
 * read once rather than on every handshake. An entry whose {@code ca_file} changed (modification
 * time or size) is rebuilt, so a rotated CA bundle is picked up without a reload.
 *
 * <p>Thread-safe. Two threads that miss at once may both build a handshaker; either is correct, and
 * the last one stays cached. A policy that failed to build is not cached, so a file that was broken
 * and then fixed is tried again on the next probe.
 */
public final class TlsHandshakers {

  /** The ca_file's state when the handshaker was built; {@code null} for the JDK trust store. */
  private record FileStamp(FileTime modified, long size) {}

  private record Cached(FileStamp stamp, TlsHandshaker handshaker) {}

  private final ConcurrentMap<TlsPolicy, Cached> byPolicy = new ConcurrentHashMap<>();

  /**
   * The handshaker for {@code policy}, built on first use or when its ca_file changed.
   *
   * @throws TlsSetupException as {@link TlsHandshaker#forPolicy} does
   */
  public TlsHandshaker forPolicy(TlsPolicy policy) throws TlsSetupException {
    Objects.requireNonNull(policy, "policy");
    // Stamped before building: a change during the build is then seen on the next call.
    FileStamp stamp = stampOf(policy.caFile());
    Cached cached = byPolicy.get(policy);
    if (cached != null && Objects.equals(cached.stamp(), stamp)) {
      return cached.handshaker();
    }
    TlsHandshaker handshaker = TlsHandshaker.forPolicy(policy);
    byPolicy.put(policy, new Cached(stamp, handshaker));
    return handshaker;
  }

  private static FileStamp stampOf(Path caFile) {
    if (caFile == null) {
      return null;
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(caFile, BasicFileAttributes.class);
      return new FileStamp(attributes.lastModifiedTime(), attributes.size());
    } catch (IOException e) {
      // Unreadable now: building will fail with the precise reason, and nothing gets cached.
      return new FileStamp(FileTime.fromMillis(Long.MIN_VALUE), -1);
    }
  }
}
