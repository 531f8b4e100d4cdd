package org.smtpwatch.bench.fleet;

import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.config.Mode;

/**
 * Where the fleet's responders listen: ten ports on each of many 127.77.x.y addresses (never
 * 127.0.0.1, where tests and other programs take ports), modes in turn plain, STARTTLS, implicit
 * TLS, and every n-th endpoint hanging for a given share.
 */
public final class FleetPlan {

  static final int PORTS_PER_ADDRESS = 10;
  static final int FIRST_PORT = 10025;
  private static final Mode[] MODES = {Mode.PLAIN, Mode.STARTTLS, Mode.TLS};

  private FleetPlan() {}

  /**
   * @param count how many endpoints, at most 250 * 250 * {@value #PORTS_PER_ADDRESS}
   * @param hangingShare 0 for none, 0.05 for every 20th
   * @param addressBlock the second-to-last octet block to start from, so two fleets in one run
   *     never share an address
   */
  public static List<FleetEndpoint> of(int count, double hangingShare, int addressBlock) {
    int hangingEvery = hangingShare <= 0 ? 0 : (int) Math.round(1 / hangingShare);
    List<FleetEndpoint> plan = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int host = i / PORTS_PER_ADDRESS;
      String address = "127.77." + (addressBlock + host / 250) + "." + (host % 250 + 1);
      int port = FIRST_PORT + i % PORTS_PER_ADDRESS;
      boolean hanging = hangingEvery > 0 && i % hangingEvery == hangingEvery - 1;
      plan.add(new FleetEndpoint(address, port, MODES[i % MODES.length], hanging));
    }
    return List.copyOf(plan);
  }
}
