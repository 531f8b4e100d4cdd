package org.smtpwatch.agent.mtasts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code id} of the {@code _mta-sts} TXT record (RFC 8461 section 3.1): {@code v=STSv1;
 * id=...;} with an id of 1 to 32 letters and digits. Records not starting with {@code v=STSv1} are
 * ignored; more than one that does means no policy, as the RFC says.
 */
final class TxtRecordParser {

  private static final Pattern ID =
      Pattern.compile("(?:^|;)[ \\t]*id=([A-Za-z0-9]{1,32})[ \\t]*(?:;|$)");

  /**
   * @param records the TXT records, each with its strings already joined
   * @return the id
   * @throws PolicyFormatException when no record or several records are STSv1, or the id is bad
   */
  String id(List<String> records) throws PolicyFormatException {
    List<String> sts = records.stream().filter(r -> r.startsWith("v=STSv1")).toList();
    if (sts.isEmpty()) {
      throw new PolicyFormatException("no TXT record starts with v=STSv1");
    }
    if (sts.size() > 1) {
      throw new PolicyFormatException(sts.size() + " TXT records start with v=STSv1; need one");
    }
    String record = sts.get(0);
    if (!record.matches("v=STSv1[ \\t]*(;.*)?")) {
      throw new PolicyFormatException(
          "\"" + PolicyParser.printable(record) + "\" does not start with v=STSv1;");
    }
    Matcher id = ID.matcher(record);
    if (!id.find()) {
      throw new PolicyFormatException(
          "\"" + PolicyParser.printable(record) + "\" has no id of 1-32 letters and digits");
    }
    return id.group(1);
  }
}
