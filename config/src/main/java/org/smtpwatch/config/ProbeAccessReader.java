package org.smtpwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Sequence;

/** Reads the top-level {@code probe:} block: who may be probed through {@code /probe}. */
final class ProbeAccessReader {

  static final List<String> KEYS = List.of("allow_unconfigured");

  private final NodeValues values;

  ProbeAccessReader(NodeValues values) {
    this.values = values;
  }

  ProbeAccess read(LocatedNode node) {
    Optional<Mapping> mapping = values.mapping(node, KEYS);
    Optional<Sequence> list =
        mapping
            .flatMap(probe -> probe.get("allow_unconfigured"))
            .flatMap(
                n -> values.sequence(n, "[mail.example.com, \"*.example.net\", 192.0.2.0/24]"));
    List<HostPattern> patterns = new ArrayList<>();
    for (LocatedNode item : list.map(Sequence::items).orElse(List.of())) {
      pattern(item).ifPresent(patterns::add);
    }
    return new ProbeAccess(patterns);
  }

  private Optional<HostPattern> pattern(LocatedNode item) {
    Optional<String> text = values.text(item, "a host pattern");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder problem = new StringBuilder();
    Optional<HostPattern> pattern = HostPattern.parse(text.get(), problem);
    if (pattern.isEmpty()) {
      values.errors().at(item, problem.toString());
    }
    return pattern;
  }
}
