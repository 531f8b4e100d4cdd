package org.smtpwatch.agent.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.agent.probe.HostResolver;
import org.smtpwatch.config.DnsSettings;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The resolver of the running config's {@code dns:} section, replaced when a reload changes it. As
 * a {@link HostResolver} it lets the prober find MX hosts through the same resolver that named
 * them; without configured servers the prober keeps the JDK's resolver ({@code /etc/hosts}, then
 * the system's DNS).
 */
public final class CurrentDns implements HostResolver {

  private volatile DnsSettings settings = DnsSettings.SYSTEM;
  private volatile DnsClient client = DnsClient.of(DnsSettings.SYSTEM);

  /** Switches to {@code next}, keeping the current client when nothing changed. */
  public synchronized void use(DnsSettings next) {
    if (!next.equals(settings)) {
      client = DnsClient.of(next);
      settings = next;
    }
  }

  public DnsClient client() {
    return client;
  }

  public DnsSettings settings() {
    return settings;
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    if (settings.servers().isEmpty() || host.indexOf(':') >= 0 || host.matches("[0-9.]+")) {
      return HostResolver.system().resolve(host);
    }
    return addresses(client, host);
  }

  /**
   * The A and AAAA addresses of {@code host}, IPv4 first.
   *
   * @throws UnknownHostException with the reason (NXDOMAIN, SERVFAIL, timeout) when there are none
   */
  public static List<InetAddress> addresses(DnsClient client, String host)
      throws UnknownHostException {
    DnsAnswer v4 = client.query(host, Type.A);
    if (v4.status() == DnsStatus.NXDOMAIN
        || v4.status() == DnsStatus.TIMEOUT
        || v4.status() == DnsStatus.SERVFAIL) {
      throw new UnknownHostException(v4.detail());
    }
    DnsAnswer v6 = client.query(host, Type.AAAA);
    List<InetAddress> addresses = new ArrayList<>();
    for (Record record : v4.records()) {
      addresses.add(((ARecord) record).getAddress());
    }
    for (Record record : v6.records()) {
      addresses.add(((AAAARecord) record).getAddress());
    }
    if (addresses.isEmpty()) {
      throw new UnknownHostException(host + " has no A or AAAA records");
    }
    return addresses;
  }
}
