package org.smtpwatch.agent.dns;

import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * The records of one answer, or why there are none.
 *
 * @param records the answer section's records of the type asked (CNAMEs left out)
 * @param ttl the smallest TTL among them, {@link Duration#ZERO} when there are none
 * @param detail what went wrong, for logs and the status page; empty when {@link DnsStatus#OK}
 */
public record DnsAnswer(DnsStatus status, List<Record> records, Duration ttl, String detail) {

  public DnsAnswer {
    records = List.copyOf(records);
  }

  static DnsAnswer failed(DnsStatus status, String detail) {
    return new DnsAnswer(status, List.of(), Duration.ZERO, detail);
  }
}
