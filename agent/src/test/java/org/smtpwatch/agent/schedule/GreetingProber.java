package org.smtpwatch.agent.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.Transcript;
import org.smtpwatch.config.Endpoint;

/**
 * A stand-in for the real SMTP prober: connects, reads the greeting line, closes. Enough to
 * exercise the schedule against real sockets; each blocking step is bounded by the endpoint's
 * timeout.
 */
final class GreetingProber implements Prober {

  @Override
  public ProbeResult probe(Endpoint endpoint, Transcript transcript) {
    Instant startedAt = Instant.now();
    int timeoutMillis = (int) endpoint.timeout().toMillis();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      String greeting =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      if (greeting == null || !greeting.startsWith("220")) {
        return TestEndpoints.down(
            endpoint, startedAt, Phase.BANNER, FailureReason.PROTOCOL, "no 220: " + greeting);
      }
      return TestEndpoints.up(endpoint, startedAt);
    } catch (SocketTimeoutException e) {
      return TestEndpoints.down(
          endpoint, startedAt, Phase.BANNER, FailureReason.TIMEOUT, "no greeting in time");
    } catch (ConnectException e) {
      return TestEndpoints.down(
          endpoint, startedAt, Phase.CONNECT, FailureReason.CONNECT_REFUSED, e.getMessage());
    } catch (IOException e) {
      return TestEndpoints.down(
          endpoint, startedAt, Phase.BANNER, FailureReason.CONNECTION_CLOSED, e.toString());
    }
  }
}
