package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.IpPreference;

class AddressOrderTest {

  private static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal); // literals only: no lookup
  }

  @Test
  void ordersByPreferredFamilyKeepingResolverOrderWithinEach() throws Exception {
    List<InetAddress> resolved =
        List.of(address("::1"), address("127.0.0.2"), address("::2"), address("127.0.0.1"));

    assertThat(AddressOrder.order(resolved, IpPreference.ANY)).isEqualTo(resolved);
    assertThat(AddressOrder.order(resolved, IpPreference.IPV4))
        .containsExactly(
            address("127.0.0.2"), address("127.0.0.1"), address("::1"), address("::2"));
    assertThat(AddressOrder.order(resolved, IpPreference.IPV6))
        .containsExactly(
            address("::1"), address("::2"), address("127.0.0.2"), address("127.0.0.1"));
  }
}
