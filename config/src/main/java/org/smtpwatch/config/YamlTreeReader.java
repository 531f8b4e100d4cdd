package org.smtpwatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smtpwatch.config.LocatedNode.Entry;
import org.smtpwatch.config.LocatedNode.ScalarKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link LocatedNode} tree with the streaming parser, which (unlike the
 * {@code JsonNode} tree) still knows each token's line and column.
 */
final class YamlTreeReader {

  private static final String EMPTY = "the file is empty; it needs at least a targets: list";

  // Jackson's constraint sits on the event stream this reader consumes, so it is the one that
  // bounds nesting here; SnakeYAML's own limits guard its scanner (code points) and are set to
  // match for defence in depth. Aliases are never expanded: the reader rejects every one.
  private final YAMLFactory factory =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(ConfigLimits.MAX_DEPTH)
                  .maxDocumentLength(ConfigLimits.MAX_FILE_BYTES)
                  .build())
          .build();

  /**
   * The document's root, or empty when the text holds no document or is not valid YAML; the reason
   * is then in {@code errors}.
   */
  Optional<LocatedNode> read(String text, ConfigErrors errors) {
    if (hasUnprintable(text, errors)) {
      return Optional.empty();
    }
    try (YAMLParser parser = factory.createParser(text)) {
      try {
        return readDocument(parser, errors);
      } catch (StreamConstraintsException e) {
        JsonLocation at = parser.currentLocation();
        errors.at(
            "",
            at.getLineNr(),
            at.getColumnNr(),
            "lists and mappings nested deeper than "
                + ConfigLimits.MAX_DEPTH
                + " levels; a config needs at most 6");
        return Optional.empty();
      }
    } catch (JsonProcessingException e) {
      syntaxError(e, errors);
      return Optional.empty();
    } catch (IOException e) {
      // Parsing a String does no I/O; an IOException here is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * SnakeYAML rejects a control character anywhere with "special characters are not allowed" at the
   * start of the file; this says which character and where it is.
   */
  private static boolean hasUnprintable(String text, ConfigErrors errors) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      int c = text.codePointAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (!yamlPrintable(c)) {
        errors.at(
            "",
            line,
            column,
            String.format("control character U+%04X is not allowed in YAML; remove it", c));
        return true;
      }
      column++;
    }
    return false;
  }

  /** YAML 1.1's printable set, which SnakeYAML enforces. */
  private static boolean yamlPrintable(int c) {
    return c == '\t'
        || c == '\r'
        || (c >= 0x20 && c <= 0x7e)
        || c == 0x85
        || (c >= 0xa0 && c <= 0xd7ff)
        || (c >= 0xe000 && c <= 0xfffd)
        || c >= 0x10000;
  }

  private Optional<LocatedNode> readDocument(YAMLParser parser, ConfigErrors errors)
      throws IOException {
    if (parser.nextToken() == null) {
      errors.wholeFile(EMPTY);
      return Optional.empty();
    }
    LocatedNode root = readValue(parser, "", errors);
    if (root instanceof LocatedNode.Scalar scalar && scalar.text().isEmpty()) {
      // A lone "---" is a document holding nothing: as empty as an empty file.
      errors.wholeFile(EMPTY);
      return Optional.empty();
    }
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      errors.at("", at.getLineNr(), at.getColumnNr(), "only one YAML document is allowed");
    }
    return Optional.of(root);
  }

  private LocatedNode readValue(YAMLParser parser, String path, ConfigErrors errors)
      throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return new LocatedNode.Mapping(readEntries(parser, path, errors), path, line, column);
    }
    if (token == JsonToken.START_ARRAY) {
      return new LocatedNode.Sequence(readItems(parser, path, errors), path, line, column);
    }
    LocatedNode.Scalar scalar =
        new LocatedNode.Scalar(parser.getText(), kindOf(token), path, line, column);
    if (parser.isCurrentAlias()) {
      errors.onlyAt(scalar, "YAML aliases (*name) are not supported; repeat the value");
    }
    return scalar;
  }

  private List<Entry> readEntries(YAMLParser parser, String path, ConfigErrors errors)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Entry> seen = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonLocation at = parser.currentTokenLocation();
      String key = parser.currentName();
      String keyPath = path.isEmpty() ? key : path + "." + key;
      parser.nextToken();
      Entry entry =
          new Entry(
              key, keyPath, at.getLineNr(), at.getColumnNr(), readValue(parser, keyPath, errors));
      Entry first = seen.putIfAbsent(key, entry);
      if (first == null) {
        entries.add(entry);
      } else {
        errors.at(entry, "duplicate key \"" + key + "\" (first at line " + first.line() + ")");
      }
    }
    return entries;
  }

  private List<LocatedNode> readItems(YAMLParser parser, String path, ConfigErrors errors)
      throws IOException {
    List<LocatedNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(readValue(parser, path + "[" + items.size() + "]", errors));
    }
    return items;
  }

  private static ScalarKind kindOf(JsonToken token) {
    return switch (token) {
      case VALUE_NUMBER_INT -> ScalarKind.INTEGER;
      case VALUE_NUMBER_FLOAT -> ScalarKind.DECIMAL;
      case VALUE_TRUE, VALUE_FALSE -> ScalarKind.BOOLEAN;
      case VALUE_NULL -> ScalarKind.NULL;
      default -> ScalarKind.STRING;
    };
  }

  /**
   * SnakeYAML knows both where the problem showed ("expected ',' or ']'") and where the construct
   * it was reading began ("while parsing a flow sequence"); a person needs both.
   */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setNestingDepthLimit(ConfigLimits.MAX_DEPTH);
    options.setCodePointLimit(ConfigLimits.MAX_FILE_BYTES);
    options.setMaxAliasesForCollections(ConfigLimits.MAX_ERRORS);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static void syntaxError(JsonProcessingException e, ConfigErrors errors) {

    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark problem = marked.getProblemMark();
      String message = "YAML syntax error: " + marked.getProblem();
      Mark context = marked.getContextMark();
      if (marked.getContext() != null && context != null) {
        message +=
            " ("
                + marked.getContext()
                + " at line "
                + (context.getLine() + 1)
                + ", column "
                + (context.getColumn() + 1)
                + ")";
      }
      errors.at("", problem.getLine() + 1, problem.getColumn() + 1, message);
      return;
    }
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : at.getLineNr();
    int column = at == null ? 0 : at.getColumnNr();
    String problem = firstLine(e.getOriginalMessage());
    if (problem.startsWith("Expected a field name")) {
      // Jackson names SnakeYAML's event class here; a person needs to know what to change.
      problem = "a key must be plain text, not a list or mapping";
    }
    errors.at("", line, column, "YAML syntax error: " + problem);
  }

  /** SnakeYAML's messages quote the offending source over several lines; the first says it all. */
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
