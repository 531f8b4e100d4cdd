package org.smtpwatch.agent.mtasts;

/** A policy file or TXT record that does not follow RFC 8461; the message says where and why. */
final class PolicyFormatException extends Exception {

  PolicyFormatException(String message) {
    super(message);
  }
}
