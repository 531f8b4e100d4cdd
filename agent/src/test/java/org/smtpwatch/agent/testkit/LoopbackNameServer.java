package org.smtpwatch.agent.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * A private BIND 9 ({@code named}, Debian's {@code bind9}) serving one test zone on 127.0.0.1 and a
 * free port, in the foreground, from a temporary directory; stopped by {@link #close()}. The zone
 * accepts dynamic updates from loopback, so tests change records between lookups with {@link
 * #update}. A second zone, {@code broken.test}, fails to load on purpose: names in it get SERVFAIL.
 */
public final class LoopbackNameServer implements AutoCloseable {

  private static final Path NAMED = Path.of("/usr/sbin/named");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final InetSocketAddress address;
  private final Name zone;
  private final Path log;

  private LoopbackNameServer(Process process, InetSocketAddress address, Name zone, Path log) {
    this.process = process;
    this.address = address;
    this.zone = zone;
    this.log = log;
  }

  /**
   * Starts {@code named} serving {@code zone} with {@code records} (zone-file lines relative to the
   * zone, e.g. {@code "@ MX 10 mx1"}); every record has a TTL of 1 second.
   */
  public static LoopbackNameServer start(Path dir, String zone, String... records)
      throws IOException {
    if (!Files.isExecutable(NAMED)) {
      throw new IllegalStateException(
          NAMED + " is missing: install Debian's bind9 package (.ci/run does)");
    }
    int port = freePort();
    Path zoneFile = dir.resolve(zone + ".zone");
    StringBuilder body =
        new StringBuilder("$TTL 1\n@ SOA ns." + zone + ". admin." + zone + ". 1 60 60 600 1\n")
            .append("@ NS ns\nns A 127.0.0.1\n");
    for (String record : records) {
      body.append(record).append('\n');
    }
    Files.writeString(zoneFile, body);
    Files.writeString(dir.resolve("broken.zone"), "this is not a zone file\n");
    Path conf = dir.resolve("named.conf");
    Files.writeString(
        conf,
        "options { directory \""
            + dir
            + "\"; pid-file none; listen-on port "
            + port
            + " { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; dnssec-validation no;"
            + " check-integrity no; session-keyfile none; };\n"
            + "zone \""
            + zone
            + "\" { type primary; file \""
            + zoneFile
            + "\"; allow-update { 127.0.0.1; }; };\n"
            + "zone \"broken.test\" { type primary; file \""
            + dir.resolve("broken.zone")
            + "\"; };\n");
    Path log = dir.resolve("named.log");
    Process process =
        new ProcessBuilder(NAMED.toString(), "-g", "-4", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LoopbackNameServer server =
        new LoopbackNameServer(
            process,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            Name.fromString(zone + "."),
            log);
    server.awaitServing();
    return server;
  }

  /** {@code 127.0.0.1:port}, for the agent's {@code dns.servers}. */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * Deletes every record of {@code type} at {@code name} (relative to the zone), then adds {@code
   * records}.
   */
  public void replace(String name, int type, String... records) throws IOException {
    Name owner = Name.fromString(name, zone);
    Update update = new Update(zone);
    update.delete(owner, type);
    for (String record : records) {
      update.add(owner, type, 1, record);
    }
    send(update);
  }

  /** Adds one record at {@code name} (relative to the zone). */
  public void add(String name, int type, String record) throws IOException {
    Update update = new Update(zone);
    update.add(Name.fromString(name, zone), type, 1, record);
    send(update);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void send(Update update) throws IOException {
    Message response = resolver().send(update);
    if (response.getRcode() != Rcode.NOERROR) {
      throw new IOException("named refused the update: " + Rcode.string(response.getRcode()));
    }
  }

  private SimpleResolver resolver() {
    SimpleResolver resolver = new SimpleResolver(address);
    resolver.setTimeout(Duration.ofSeconds(2));
    return resolver;
  }

  private void awaitServing() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Message query;
    try {
      query = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
    } catch (RuntimeException e) {
      throw new IllegalStateException(e);
    }
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException("named exited: " + Files.readString(log));
      }
      try {
        SimpleResolver resolver = resolver();
        resolver.setTimeout(Duration.ofMillis(200));
        if (resolver.send(query).getRcode() == Rcode.NOERROR) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "named did not serve within " + START_TIMEOUT + ": " + Files.readString(log));
  }

  /** A port free for both UDP and TCP on 127.0.0.1 just now. */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket tcp = new ServerSocket()) {
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (DatagramSocket udp =
            new DatagramSocket(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), tcp.getLocalPort()))) {
          return udp.getLocalPort();
        } catch (IOException e) {
          // taken for UDP: try another
        }
      }
    }
    throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
  }
}
