package org.smtpwatch.exporter;

/** The smtpwatch command line. SKELETON: the verbs land with the CLI work. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.out.println("smtpwatch");
  }
}
