package org.smtpwatch.exporter.http;

/**
 * A request we answer with a 4xx and a plain message saying what is wrong with it. Thrown by the
 * handlers, answered in one place by {@link Router}.
 */
final class RequestRejected extends Exception {

  private final int status;

  RequestRejected(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
