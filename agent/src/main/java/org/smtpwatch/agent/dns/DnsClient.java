package org.smtpwatch.agent.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.smtpwatch.config.DnsSettings;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * Asks the configured resolvers one question at a time, without a cache (the watch schedules its
 * own refreshes from the TTLs) and never longer than the configured timeout. Every outcome is a
 * {@link DnsAnswer}; nothing the network does escapes as an exception.
 */
public final class DnsClient {

  private final DnsSettings settings;
  // Made on the first question: dnsjava's resolvers read the system's resolver settings and load
  // some 100 classes (0.1 s of a start on a small machine), and most configs watch no domain.
  private volatile Resolver resolver;

  private DnsClient(DnsSettings settings) {
    this.settings = settings;
  }

  /** A client for {@code settings}' servers, or the system's when none are listed. */
  public static DnsClient of(DnsSettings settings) {
    return new DnsClient(settings);
  }

  private Resolver resolver() {
    Resolver made = resolver;
    if (made == null) {
      synchronized (this) {
        made = resolver;
        if (made == null) {
          made = resolverFor(settings.servers());
          made.setTimeout(settings.timeout());
          resolver = made;
        }
      }
    }
    return made;
  }

  private static Resolver resolverFor(List<InetSocketAddress> servers) {
    if (servers.size() == 1) {
      return new SimpleResolver(servers.get(0));
    }
    if (servers.isEmpty()) {
      return new ExtendedResolver();
    }
    return new ExtendedResolver(servers.stream().map(SimpleResolver::new).toArray(Resolver[]::new));
  }

  /** The records of {@code type} ({@link org.xbill.DNS.Type}) at {@code name}. */
  public DnsAnswer query(String name, int type) {
    Name qname;
    try {
      qname = Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      return DnsAnswer.failed(DnsStatus.ERROR, "\"" + name + "\" is not a DNS name");
    }
    Message response;
    try {
      response =
          resolver()
              .sendAsync(Message.newQuery(Record.newRecord(qname, type, DClass.IN)))
              .toCompletableFuture()
              // The resolver has its own timeout; this one catches a resolver that ignores it.
              .get(settings.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return timedOut(name);
    } catch (ExecutionException e) {
      return failure(name, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DnsAnswer.failed(DnsStatus.ERROR, "interrupted while resolving " + name);
    }
    return answer(name, type, response);
  }

  private DnsAnswer timedOut(String name) {
    return DnsAnswer.failed(
        DnsStatus.TIMEOUT,
        "no answer for " + name + " within " + settings.timeout().toMillis() + " ms");
  }

  private DnsAnswer failure(String name, Throwable cause) {
    if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
      return timedOut(name);
    }
    String what = cause instanceof IOException ? cause.getMessage() : String.valueOf(cause);
    return DnsAnswer.failed(DnsStatus.ERROR, "resolving " + name + " failed: " + what);
  }

  private static DnsAnswer answer(String name, int type, Message response) {
    int rcode = response.getRcode();
    switch (rcode) {
      case Rcode.NOERROR:
        break;
      case Rcode.NXDOMAIN:
        return DnsAnswer.failed(DnsStatus.NXDOMAIN, name + " does not exist (NXDOMAIN)");
      case Rcode.SERVFAIL:
        return DnsAnswer.failed(DnsStatus.SERVFAIL, "the resolver answered SERVFAIL for " + name);
      case Rcode.REFUSED:
        return DnsAnswer.failed(DnsStatus.REFUSED, "the resolver refused to answer for " + name);
      default:
        return DnsAnswer.failed(
            DnsStatus.ERROR, "the resolver answered " + Rcode.string(rcode) + " for " + name);
    }
    List<Record> records =
        response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    if (records.isEmpty()) {
      return new DnsAnswer(
          DnsStatus.NODATA, List.of(), Duration.ZERO, name + " has no such records");
    }
    long ttl = records.stream().mapToLong(Record::getTTL).min().orElse(0);
    return new DnsAnswer(DnsStatus.OK, records, Duration.ofSeconds(ttl), "");
  }
}
