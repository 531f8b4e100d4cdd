package org.smtpwatch.agent.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.smtpwatch.agent.tls.IpLiteral;

/**
 * Resolves a host within the probe's deadline. The JDK resolver cannot be interrupted and may wait
 * for the system's DNS timeouts (tens of seconds), so the lookup runs on its own daemon thread and
 * the probe stops waiting when the deadline says so; the thread finishes or dies on its own.
 */
final class BoundedResolution {

  private final HostResolver resolver;

  BoundedResolution(HostResolver resolver) {
    this.resolver = resolver;
  }

  List<InetAddress> resolve(String host, Deadline deadline) throws StepFailure {
    CompletableFuture<List<InetAddress>> lookup = new CompletableFuture<>();
    if (IpLiteral.is(host)) {
      // An address literal is parsed, never looked up: no thread to start, nothing to wait for.
      complete(lookup, host);
    } else {
      Thread thread = new Thread(() -> complete(lookup, host), "smtpwatch-resolve " + host);
      thread.setDaemon(true);
      thread.start();
    }
    try {
      List<InetAddress> addresses =
          lookup.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
      if (addresses == null || addresses.isEmpty()) {
        throw dns(host + " has no addresses");
      }
      return addresses;
    } catch (TimeoutException e) {
      throw dns("resolving " + host + " did not finish before the deadline");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw dns(
          cause instanceof UnknownHostException
              ? "cannot resolve " + host
              : "resolving " + host + ": " + NetworkFailures.describe(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw dns("interrupted while resolving " + host);
    }
  }

  private void complete(CompletableFuture<List<InetAddress>> lookup, String host) {
    try {
      lookup.complete(resolver.resolve(host));
    } catch (UnknownHostException | RuntimeException e) {
      lookup.completeExceptionally(e);
    }
  }

  private static StepFailure dns(String detail) {
    return new StepFailure(Phase.RESOLVE, FailureReason.DNS, detail);
  }
}
