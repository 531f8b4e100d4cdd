package org.smtpwatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a YAML config file into a validated {@link Config}, or every error in it. Bad input never
 * throws: it is an expected outcome and comes back as {@link ConfigLoadResult.Invalid}.
 */
public final class ConfigLoader {

  private final Function<String, String> environment;
  private final Supplier<String> defaultEhloName;

  /** Reads {@code password_env} variables from the process environment. */
  public ConfigLoader() {
    this(System::getenv);
  }

  /**
   * @param environment looks up the variables {@code password_env} names; {@code null} for unset
   */
  public ConfigLoader(Function<String, String> environment) {
    this(environment, LocalHostName::lookUp);
  }

  /**
   * @param defaultEhloName the {@code ehlo_name} when the file gives none (by default this
   *     machine's fully qualified name); only asked when needed
   */
  public ConfigLoader(Function<String, String> environment, Supplier<String> defaultEhloName) {
    this.environment = environment;
    this.defaultEhloName = defaultEhloName;
  }

  /** Loads {@code file}; relative paths in it are taken from the file's directory. */
  public ConfigLoadResult load(Path file) {
    String name = file.toString();
    String text;
    try {
      if (Files.isDirectory(file)) {
        return unreadable(name, "it is a directory");
      }
      text = readBounded(file);
      if (text == null) {
        return unreadable(
            name,
            "it is larger than 1 MiB; a config file may be at most "
                + ConfigLimits.MAX_FILE_BYTES
                + " bytes");
      }
    } catch (IOException e) {
      return unreadable(name, readProblem(e));
    }
    Path baseDir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
    return parse(text, name, baseDir, file);
  }

  /**
   * Validates config text that did not come from a file (tests, the demo).
   *
   * @param fileName what error messages call the text
   * @param baseDir where relative {@code ca_file} and {@code password_file} paths start
   */
  public ConfigLoadResult parse(String yamlText, String fileName, Path baseDir) {
    return parse(yamlText, fileName, baseDir, null);
  }

  private ConfigLoadResult parse(String text, String fileName, Path baseDir, Path source) {
    ConfigErrors errors = new ConfigErrors(fileName);
    Optional<Config> config =
        new YamlTreeReader()
            .read(text, errors)
            .flatMap(root -> readers(errors, baseDir).read(root, source));
    if (config.isEmpty() || !errors.isEmpty()) {
      return new ConfigLoadResult.Invalid(errors.sorted());
    }
    return new ConfigLoadResult.Loaded(config.get());
  }

  private RootReader readers(ConfigErrors errors, Path baseDir) {
    NodeValues values = new NodeValues(errors);
    ReadableFiles files = new ReadableFiles(errors);
    LevelSettingsReader levels =
        new LevelSettingsReader(values, new TlsReader(values, files, baseDir));
    PortReader ports =
        new PortReader(values, levels, new AuthReader(values, files, baseDir, environment));
    TargetReader targets = new TargetReader(values, levels, ports);
    return new RootReader(
        values,
        levels,
        targets,
        defaultEhloName,
        new WebReader(values, files, baseDir),
        new ProbeAccessReader(values),
        new DomainReader(values, levels, ports, files, baseDir),
        new DnsReader(values));
  }

  private static ConfigLoadResult unreadable(String fileName, String problem) {
    ConfigErrors errors = new ConfigErrors(fileName);
    errors.wholeFile("cannot read the config file: " + problem);
    return new ConfigLoadResult.Invalid(errors.sorted());
  }

  /**
   * The file's text, or {@code null} when it is larger than {@link ConfigLimits#MAX_FILE_BYTES}.
   * Reads at most one byte past the limit, so a device or pipe that never ends cannot exhaust the
   * heap. Decodes strictly: a file that is not UTF-8 is reported, not silently mangled.
   */
  private static String readBounded(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(ConfigLimits.MAX_FILE_BYTES + 1);
    }
    if (bytes.length > ConfigLimits.MAX_FILE_BYTES) {
      return null;
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String readProblem(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not valid UTF-8 text";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      // The exception's own message repeats the path the error already starts with.
      return fs.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage();
  }
}
