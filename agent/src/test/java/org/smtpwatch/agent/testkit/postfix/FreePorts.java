package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Ports free right now on one loopback address. Postfix cannot be told to pick its own, so the
 * system picks them and Postfix binds them a moment later; the instance retries with new ones in
 * the rare case another process got there first.
 */
final class FreePorts {

  private FreePorts() {}

  static Map<PostfixListener, Integer> on(String address, PostfixListener... listeners) {
    Map<PostfixListener, Integer> ports = new EnumMap<>(PostfixListener.class);
    List<ServerSocket> held = new ArrayList<>();
    try {
      // All held open together, so the system cannot hand out one port twice.
      for (PostfixListener listener : listeners) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address));
        held.add(socket);
        ports.put(listener, socket.getLocalPort());
      }
    } catch (IOException e) {
      throw new AssertionError("cannot find free ports on " + address, e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a listening socket nobody connected to does not fail in practice
        }
      }
    }
    return ports;
  }
}
