package org.smtpwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smtpwatch.exporter.cli.Usage;

/** The man page and the changelog are written by hand; these keep them in step with the code. */
class PackageDocumentsTest {

  private static final Path SOURCES = Path.of("src/deb");
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*|-[46h])\\b");

  @Test
  void theManPageNamesEveryVerbAndFlagOfTheUsage() throws IOException {
    // roff writes a hyphen that must stay one (in a flag) as \-.
    String manPage = Files.readString(SOURCES.resolve("man/smtpwatch.1")).replace("\\-", "-");
    String usage = Usage.text();
    Matcher flags = FLAG.matcher(usage);
    List<String> usageFlags = flags.results().map(match -> match.group(1)).distinct().toList();

    assertThat(usageFlags).contains("--config", "--mode", "--json", "--version", "-h", "-4");
    assertThat(usageFlags).allSatisfy(flag -> assertThat(manPage).contains(flag));
    assertThat(manPage).contains("check-config", "probe", "demo", "run");
  }

  @Test
  void theChangelogsLatestEntryIsThisVersion() throws IOException {
    String firstLine = Files.readAllLines(SOURCES.resolve("doc/changelog")).get(0);

    assertThat(firstLine)
        .isEqualTo("smtpwatch (" + Repository.version() + ") unstable; urgency=medium");
  }
}
