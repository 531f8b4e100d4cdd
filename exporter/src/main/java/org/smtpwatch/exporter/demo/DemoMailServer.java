package org.smtpwatch.exporter.demo;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.smtpwatch.config.Mode;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.UsernamePasswordValidator;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) on 127.0.0.1 with four listeners shaped like 25 (STARTTLS
 * offered), 465 (implicit TLS), 587 and 2525 (STARTTLS required), on ports the kernel picks, so the
 * demo never collides with a real mail server. The 587-like listener requires AUTH (PLAIN or LOGIN)
 * as the demo user, so the demo shows authenticated submission too. Mail sent to it is discarded.
 */
public final class DemoMailServer implements AutoCloseable {

  private final List<SMTPServer> servers;
  private final List<DemoListener> listeners;

  private DemoMailServer(List<SMTPServer> servers, List<DemoListener> listeners) {
    this.servers = servers;
    this.listeners = List.copyOf(listeners);
  }

  static DemoMailServer start(SSLContext tls, DemoCredentials user) {
    List<SMTPServer> servers = new ArrayList<>();
    List<DemoListener> listeners = new ArrayList<>();
    try {
      add(servers, listeners, 25, builder().enableTLS().startTlsSocketFactory(tls));
      add(servers, listeners, 465, builder().serverSocketFactory(tls));
      add(
          servers,
          listeners,
          587,
          builder()
              .enableTLS()
              .requireTLS()
              .startTlsSocketFactory(tls)
              .requireAuth()
              .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(only(user))));
      add(servers, listeners, 2525, builder().enableTLS().requireTLS().startTlsSocketFactory(tls));
    } catch (RuntimeException e) {
      servers.forEach(SMTPServer::stop);
      throw e;
    }
    return new DemoMailServer(servers, listeners);
  }

  public List<DemoListener> listeners() {
    return listeners;
  }

  private static void add(
      List<SMTPServer> servers,
      List<DemoListener> listeners,
      int shapedLike,
      SMTPServer.Builder builder) {
    SMTPServer server = builder.build();
    server.start();
    servers.add(server);
    Mode mode = shapedLike == 465 ? Mode.TLS : Mode.STARTTLS;
    listeners.add(new DemoListener(shapedLike, server.getPortAllocated(), mode, shapedLike != 25));
  }

  private static UsernamePasswordValidator only(DemoCredentials user) {
    return (username, password, context) -> {
      if (!user.username().equals(username) || !user.password().equals(password)) {
        throw new LoginFailedException();
      }
    };
  }

  private static SMTPServer.Builder builder() {
    return SMTPServer.port(0)
        .bindAddress(InetAddress.getLoopbackAddress())
        .hostName("localhost")
        .softwareName("smtpwatch demo")
        .messageHandler((context, from, to, data) -> {})
        .maxConnections(50)
        .connectionTimeout(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    servers.forEach(SMTPServer::stop);
  }
}
