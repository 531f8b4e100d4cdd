package org.smtpwatch.config;

import java.util.List;
import java.util.Optional;
import org.smtpwatch.config.LocatedNode.Mapping;

/** Reads a port's {@code send:} block: who sends the probe message to whom. */
final class SendReader {

  static final List<String> KEYS = List.of("from", "to", "subject");

  /**
   * A bare address: local part, {@code @}, domain; no spaces, angle brackets or line breaks, which
   * would change the SMTP command or header they end up in.
   */
  private static final String ADDRESS = "[^\\s<>@\"]+@[^\\s<>@\"]+";

  private final NodeValues values;

  SendReader(NodeValues values) {
    this.values = values;
  }

  Optional<SendSpec> read(LocatedNode node) {
    Optional<Mapping> mapping = values.mapping(node, KEYS);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Mapping send = mapping.get();
    Optional<String> from = address(send, "from");
    Optional<String> to = address(send, "to");
    Optional<String> subject =
        send.get("subject").isPresent()
            ? send.get("subject").flatMap(this::subject)
            : Optional.of(SendSpec.DEFAULT_SUBJECT);
    if (from.isEmpty() || to.isEmpty() || subject.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SendSpec(from.get(), to.get(), subject.get()));
  }

  private Optional<String> address(Mapping send, String key) {
    Optional<LocatedNode> node = send.get(key);
    if (node.isEmpty()) {
      values.errors().at(send, "missing " + key);
      return Optional.empty();
    }
    Optional<String> address = values.text(node.get(), key);
    if (address.isPresent() && !address.get().matches(ADDRESS)) {
      values
          .errors()
          .at(
              node.get(),
              "\"" + address.get() + "\" is not a mail address (write it bare: user@example.com)");
      return Optional.empty();
    }
    return address;
  }

  private Optional<String> subject(LocatedNode node) {
    Optional<String> subject = values.text(node, "subject");
    if (subject.isPresent() && subject.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      values.errors().at(node, "subject must be one line without control characters");
      return Optional.empty();
    }
    return subject;
  }
}
