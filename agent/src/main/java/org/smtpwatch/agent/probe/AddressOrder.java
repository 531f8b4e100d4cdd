package org.smtpwatch.agent.probe;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.config.IpPreference;

/** The order in which to try a host's addresses: the preferred family first, the rest after. */
final class AddressOrder {

  private AddressOrder() {}

  static List<InetAddress> order(List<InetAddress> resolved, IpPreference preference) {
    if (preference == IpPreference.ANY) {
      return List.copyOf(resolved);
    }
    Class<? extends InetAddress> preferred =
        preference == IpPreference.IPV4 ? Inet4Address.class : Inet6Address.class;
    List<InetAddress> ordered = new ArrayList<>();
    resolved.stream().filter(preferred::isInstance).forEach(ordered::add);
    resolved.stream().filter(a -> !preferred.isInstance(a)).forEach(ordered::add);
    return List.copyOf(ordered);
  }
}
