package org.smtpwatch.bench.fleet;

import org.smtpwatch.config.Mode;

/**
 * One responder of the loopback fleet.
 *
 * @param hanging accepts connections in the kernel but never greets: the probe waits out its
 *     timeout, as with a server that stalls
 */
public record FleetEndpoint(String address, int port, Mode mode, boolean hanging) {

  public String target() {
    return address + ":" + port;
  }
}
