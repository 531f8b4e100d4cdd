package org.smtpwatch.agent.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The system resolver in production; tests pass their own so they
 * never need DNS. May block: the prober bounds it with the probe's deadline.
 */
@FunctionalInterface
public interface HostResolver {

  /**
   * @return at least one address
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JDK's resolver ({@code /etc/hosts}, then DNS), with its own positive/negative cache. */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
