package org.smtpwatch.exporter.http;

/**
 * Limits of the JDK's HTTP server that are off by default. Without them a client that sends its
 * request headers one byte per second holds one of the server's few threads for as long as it
 * likes, and a handful of such clients take /metrics down (slowloris).
 *
 * <p>The JDK reads these system properties once, when its HTTP server classes initialise, so they
 * are set before the first server starts; a value the operator gave with {@code -D} wins.
 */
final class HttpServerLimits {

  /** Seconds a client has to send its whole request; Prometheus needs milliseconds. */
  static final int MAX_REQUEST_SECONDS = 5;

  private static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";

  /** How often the JDK's timer looks for requests past their limit, in milliseconds. */
  private static final String TIMER_MILLIS = "sun.net.httpserver.timerMillis";

  private HttpServerLimits() {}

  static void applyDefaults() {
    setUnlessGiven(MAX_REQ_TIME, Integer.toString(MAX_REQUEST_SECONDS));
    setUnlessGiven(TIMER_MILLIS, "1000");
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
