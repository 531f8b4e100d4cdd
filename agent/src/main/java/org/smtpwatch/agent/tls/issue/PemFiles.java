package org.smtpwatch.agent.tls.issue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Writes certificates and keys as PEM, the format {@code ca_file} and mail servers read. */
public final class PemFiles {

  private PemFiles() {}

  /** Writes every object (certificates, private keys) to {@code file}, replacing it. */
  public static Path write(Path file, List<?> objects) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        pem.writeObject(object);
      }
    }
    return file;
  }
}
