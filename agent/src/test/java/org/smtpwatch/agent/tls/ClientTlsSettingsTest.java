package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClientTlsSettingsTest {

  @Test
  void resumptionIsNotOfferedWhenNothingElseIsDisabled() {
    Properties properties = new Properties();
    ClientTlsSettings.apply(properties);
    assertThat(properties.getProperty("jdk.tls.client.disableExtensions"))
        .isEqualTo("psk_key_exchange_modes,pre_shared_key");
  }

  @Test
  void extensionsTheUserDisabledStayDisabledAndNoneIsNamedTwice() {
    Properties properties = new Properties();
    properties.setProperty(
        "jdk.tls.client.disableExtensions", " status_request , pre_shared_key,,");
    ClientTlsSettings.apply(properties);
    assertThat(properties.getProperty("jdk.tls.client.disableExtensions"))
        .isEqualTo("status_request,pre_shared_key,psk_key_exchange_modes");
  }

  @Test
  void applyingTwiceChangesNothing() {
    Properties properties = new Properties();
    ClientTlsSettings.apply(properties);
    ClientTlsSettings.apply(properties);
    assertThat(properties.getProperty("jdk.tls.client.disableExtensions"))
        .isEqualTo("psk_key_exchange_modes,pre_shared_key");
  }
}
