package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.config.Mode;

/**
 * The status page in a real headless Chromium: Debian's {@code chromium} and {@code
 * chromium-driver}, never a browser Selenium would download. Missing packages fail the test: a
 * skipped browser test would hide a broken page.
 */
class StatusPageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @TempDir Path profile;

  private HttpFixture http;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    assertThat(CHROMIUM)
        .as("Debian's chromium (apt-get install chromium chromium-driver)")
        .isExecutable();
    assertThat(CHROMEDRIVER)
        .as("Debian's chromedriver (apt-get install chromium-driver)")
        .isExecutable();
    List<EndpointSnapshot> endpoints =
        List.of(
            SampleSnapshots.up(
                SampleSnapshots.endpoint("mx1.example.com", 465, Mode.TLS), NOW, 80, "mx1 ESMTP"),
            SampleSnapshots.up(
                SampleSnapshots.endpoint("mx1.example.com", 587, Mode.STARTTLS),
                NOW,
                6,
                "mx1 ESMTP <b>ready</b>"),
            SampleSnapshots.unprobed(
                SampleSnapshots.endpoint("mx2.example.com", 25, Mode.STARTTLS)),
            SampleSnapshots.down(
                SampleSnapshots.endpoint("mx2.example.com", 587, Mode.STARTTLS),
                NOW,
                FailureReason.TIMEOUT,
                "no greeting within 10 s"));
    http =
        HttpFixture.start(
            HttpFixture.setup(
                () -> endpoints,
                () -> {
                  throw new AssertionError("no config here");
                },
                () -> {
                  throw new AssertionError("no reload here");
                },
                (endpoint, transcript) -> {
                  throw new AssertionError("no probe here");
                },
                new MutableClock(NOW)));
    browser = headlessChromium();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (http != null) {
      http.close();
    }
  }

  @Test
  void theTableShowsEveryEndpointWorstFirst() throws Exception {
    browser.manage().window().setSize(new Dimension(1280, 720));
    browser.get(http.server.baseUri().toString());

    List<WebElement> rows = browser.findElements(By.cssSelector("tbody tr"));
    assertThat(browser.getTitle()).isEqualTo("smtpwatch status");
    assertThat(rows).hasSize(4);
    assertThat(cell(rows.get(0), "Endpoint")).startsWith("mx2.example.com:587");
    assertThat(cell(rows.get(0), "State")).isEqualTo("down");
    assertThat(cell(rows.get(0), "Reason")).contains("timeout", "no greeting within 10 s");
    assertThat(cell(rows.get(1), "State")).isEqualTo("pending");
    assertThat(cell(rows.get(2), "Endpoint")).startsWith("mx1.example.com:587");
    assertThat(cell(rows.get(2), "Certificate")).isEqualTo("6 d left");
    assertThat(cell(rows.get(2), "Reason")).isEqualTo("220 mx1 ESMTP <b>ready</b>");
    assertThat(cell(rows.get(2), "TLS")).isEqualTo("TLSv1.3");
    assertThat(cell(rows.get(3), "Certificate")).isEqualTo("80 d left");
    assertThat(cell(rows.get(3), "Last probe")).startsWith("12 s ago");
    assertThat(browser.findElement(By.cssSelector("header .summary")).getText())
        .isEqualTo("1 down · 2 up · 1 not probed yet");
    assertThat(browser.findElement(By.linkText("/metrics")).getAttribute("href"))
        .isEqualTo(http.server.baseUri().resolve("metrics").toString());
    screenshot("smtpwatch-status-page.png");
  }

  @Test
  void onAPhoneEachRowIsACardWithItsOwnLabels() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(http.server.baseUri().toString());

    assertThat(browser.findElement(By.tagName("thead")).isDisplayed()).isFalse();
    WebElement firstState = browser.findElement(By.cssSelector("tbody tr td[data-label='State']"));
    assertThat(firstState.getText()).isEqualTo("down");
    // The label is CSS ::before content, which getText() does not see; the grid holds it.
    assertThat(firstState.getCssValue("display")).isEqualTo("grid");
    Number pageWidth =
        (Number) browser.executeScript("return document.documentElement.scrollWidth");
    assertThat(pageWidth.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
    screenshot("smtpwatch-status-page-phone.png");
  }

  private static String cell(WebElement row, String label) {
    return row.findElement(By.cssSelector("td[data-label='" + label + "']")).getText().strip();
  }

  private void screenshot(String name) throws Exception {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        Path.of(System.getProperty("java.io.tmpdir"), name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private ChromeDriver headlessChromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without these Chromium tries to reach the internet at every start (NOTES.md).
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(30))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(HttpFixture.WAIT);
    return driver;
  }
}
