package org.smtpwatch.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Sequence;

/** Reads {@code dns:}: which resolvers to ask about watched domains, and how long to trust them. */
final class DnsReader {

  static final List<String> KEYS = List.of("servers", "timeout", "min_ttl", "max_ttl");

  private static final int DNS_PORT = 53;
  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](?::(\\d{1,5}))?");
  private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+)(?::(\\d{1,5}))?");

  private final NodeValues values;

  DnsReader(NodeValues values) {
    this.values = values;
  }

  DnsSettings read(LocatedNode node) {
    Optional<Mapping> mapping = values.mapping(node, KEYS);
    if (mapping.isEmpty()) {
      return DnsSettings.SYSTEM;
    }
    Mapping dns = mapping.get();
    List<InetSocketAddress> servers = dns.get("servers").map(this::servers).orElse(List.of());
    Duration timeout =
        dns.get("timeout").flatMap(values::duration).orElse(DnsSettings.DEFAULT_TIMEOUT);
    Duration minTtl =
        dns.get("min_ttl").flatMap(values::duration).orElse(DnsSettings.DEFAULT_MIN_TTL);
    Duration maxTtl =
        dns.get("max_ttl").flatMap(values::duration).orElse(DnsSettings.DEFAULT_MAX_TTL);
    if (minTtl.compareTo(maxTtl) > 0) {
      values
          .errors()
          .at(
              dns.get("min_ttl").or(() -> dns.get("max_ttl")).orElseThrow(),
              "min_ttl "
                  + DurationFormat.format(minTtl)
                  + " must not be above max_ttl "
                  + DurationFormat.format(maxTtl));
    }
    return new DnsSettings(servers, timeout, minTtl, maxTtl);
  }

  private List<InetSocketAddress> servers(LocatedNode node) {
    Optional<Sequence> list = values.sequence(node, "[\"127.0.0.1:53\"]");
    List<InetSocketAddress> servers = new ArrayList<>();
    for (LocatedNode item : list.map(Sequence::items).orElse(List.of())) {
      values.text(item, "a resolver address").flatMap(t -> server(item, t)).ifPresent(servers::add);
    }
    return servers;
  }

  /** An IP address, not a name: looking up the resolver's own name would need a resolver first. */
  private Optional<InetSocketAddress> server(LocatedNode node, String text) {
    Matcher bracketed = BRACKETED.matcher(text);
    Matcher ipv4 = IPV4_WITH_PORT.matcher(text);
    String host;
    String port;
    if (bracketed.matches()) {
      host = bracketed.group(1);
      port = bracketed.group(2);
    } else if (ipv4.matches()) {
      host = ipv4.group(1);
      port = ipv4.group(2);
    } else {
      host = text;
      port = null;
    }
    int number = port == null ? DNS_PORT : Integer.parseInt(port);
    if (!Hostnames.isIpLiteral(host) || number < 1 || number > 65535) {
      values
          .errors()
          .at(
              node,
              "\""
                  + text
                  + "\" is not a resolver address (an IP address with an optional port, e.g."
                  + " 127.0.0.1:53 or [::1]:53)");
      return Optional.empty();
    }
    try {
      // An IP literal: no lookup happens.
      return Optional.of(new InetSocketAddress(InetAddress.getByName(host), number));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an IP literal did not parse: " + host, e);
    }
  }
}
