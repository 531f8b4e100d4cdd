package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the messages of one Maildir (new and cur), oldest first by their delivery name. */
final class Maildir {

  private Maildir() {}

  static List<String> messages(Path maildir) {
    List<Path> files = new ArrayList<>();
    for (String sub : List.of("new", "cur")) {
      Path dir = maildir.resolve(sub);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          entries.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
          throw new AssertionError("cannot list " + dir, e);
        }
      }
    }
    // Maildir names start with the delivery time in seconds, then a unique part.
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    List<String> messages = new ArrayList<>();
    for (Path file : files) {
      try {
        messages.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new AssertionError("cannot read delivered message " + file, e);
      }
    }
    return messages;
  }
}
