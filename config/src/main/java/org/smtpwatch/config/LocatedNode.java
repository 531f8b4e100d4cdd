package org.smtpwatch.config;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value that remembers where it stood. Jackson's {@code JsonNode} tree drops locations, and
 * every config error has to name a line and column, so the loader builds this tree instead.
 */
sealed interface LocatedNode {

  /** Where in the document: {@code targets[1].ports[0].interval}; empty for the root. */
  String path();

  int line();

  int column();

  /** What this node is, as an error message says it: "a list", "a number". */
  String description();

  /** A scalar exactly as written, with the type YAML resolved it to. */
  record Scalar(String text, ScalarKind kind, String path, int line, int column)
      implements LocatedNode {
    @Override
    public String description() {
      return kind.description();
    }
  }

  record Mapping(List<Entry> entries, String path, int line, int column) implements LocatedNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<LocatedNode> get(String key) {
      // A loop, not a stream: asked ten times per endpoint while the config loads at start, when
      // this code still runs interpreted and a stream pipeline costs ten times as much.
      for (Entry entry : entries) {
        if (entry.key().equals(key)) {
          return Optional.of(entry.value());
        }
      }
      return Optional.empty();
    }

    @Override
    public String description() {
      return "a mapping";
    }
  }

  /** A key and its value; the key's own location is where "unknown key" errors point. */
  record Entry(String key, String path, int line, int column, LocatedNode value) {}

  record Sequence(List<LocatedNode> items, String path, int line, int column)
      implements LocatedNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String description() {
      return "a list";
    }
  }

  enum ScalarKind {
    STRING("a string"),
    INTEGER("a number"),
    DECIMAL("a number"),
    BOOLEAN("true/false"),
    NULL("nothing");

    private final String description;

    ScalarKind(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }
}
