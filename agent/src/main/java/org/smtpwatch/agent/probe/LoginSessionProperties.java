package org.smtpwatch.agent.probe;

import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.smtpwatch.config.AuthSpec;

/**
 * The Angus Mail session properties for one login. Every timeout is set (Angus Mail's defaults are
 * infinite) from what is left of the probe's deadline; the probe's alarm closes the sockets if the
 * session as a whole runs over.
 */
final class LoginSessionProperties {

  /** How the credentials travel. */
  enum Channel {
    /** STARTTLS, required: Angus Mail refuses to go on without it. */
    STARTTLS,
    /** TLS from the first byte (protocol {@code smtps}, properties {@code mail.smtps.*}). */
    IMPLICIT_TLS,
    /** No TLS: only with {@code allow_plaintext_auth: true}. */
    PLAINTEXT;

    String protocol() {
      return this == IMPLICIT_TLS ? "smtps" : "smtp";
    }
  }

  private LoginSessionProperties() {}

  static Properties build(
      Channel channel,
      AuthSpec auth,
      String ehloName,
      int timeoutMillis,
      SSLSocketFactory tls,
      SocketFactory plain,
      ScheduledExecutorService writeTimeouts) {
    String prefix = "mail." + channel.protocol() + ".";
    Properties properties = new Properties();
    String timeout = Integer.toString(Math.max(1, timeoutMillis));
    properties.put(prefix + "connectiontimeout", timeout);
    properties.put(prefix + "timeout", timeout);
    properties.put(prefix + "writetimeout", timeout);
    // Shared, so a write timeout does not start a thread per login.
    properties.put(prefix + "executor.writetimeout", writeTimeouts);
    // Else Angus Mail looks up the local host name, an unbounded DNS query.
    properties.put(prefix + "localhost", ehloName);
    properties.put(prefix + "auth", "true");
    properties.put(prefix + "auth.mechanisms", String.join(" ", auth.effectiveMechanisms()));
    properties.put(prefix + "ssl.socketFactory", tls);
    // The socket factory's trust manager checks the certificate against the endpoint's expected
    // name; Angus Mail's own check would compare it with the address connected to.
    properties.put(prefix + "ssl.checkserveridentity", "false");
    if (channel != Channel.IMPLICIT_TLS) {
      properties.put(prefix + "socketFactory", plain);
    }
    boolean startTls = channel == Channel.STARTTLS;
    properties.put(prefix + "starttls.enable", Boolean.toString(startTls));
    properties.put(prefix + "starttls.required", Boolean.toString(startTls));
    return properties;
  }
}
