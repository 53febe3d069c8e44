package dev.flowlint.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowlint.cli.CliRunner;
import dev.flowlint.io.CanonicalJson;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The paste page in a real browser: Debian's chromium driven headless through its own chromedriver
 * (nothing is downloaded; Selenium Manager is never asked). Skipped, saying so, only where neither
 * is installed; under CI (which installs them) their absence is a failure.
 */
@Order(4) // see junit-platform.properties: the slowest classes start first
class ServePageBrowserTest {
  // Debian's paths; -Dflowlint.chromium=... and -Dflowlint.chromedriver=... name others.
  private static final Path CHROMIUM =
      Path.of(System.getProperty("flowlint.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("flowlint.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOT = Path.of("docs", "serve.png");
  @TempDir static Path tmp;
  private static Path schemas;
  private static TestServer server;
  private static ChromeDriver driver;
  private static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why =
          "no "
              + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " ")
              + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " ")
              + "installed (apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        fail(
            "ServePageBrowserTest FAILED: "
                + why
                + "; .ci/run installs them, so under CI their absence is a failure");
      }
      System.out.println("ServePageBrowserTest SKIPPED: " + why);
      Assumptions.abort(why);
    }
    schemas = TestServer.importFixtures(tmp.resolve("schemas"));
    server = TestServer.start(schemas, ServeSettings.DEFAULT_MAX_BODY);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")),
        "--window-size=1280,1200");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1200));
    // Polled every 50 ms, not Selenium's default 500 ms: most waits are over in well under a second
    // (the page checks 350 ms after the last edit), so the default interval was mostly idle time.
    wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openPage() {
    driver.get(server.server.url().toString());
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            server.server.url().toString().replaceAll("/$", ""),
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    wait.until(d -> d.findElement(By.id("server")).getText().contains("flows and data actions"));
  }

  /** As a paste does: the whole text at once, then an input event. */
  private static void paste(String text) {
    WebElement area = driver.findElement(By.id("payload"));
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            area,
            text);
  }

  private static String payload() {
    return driver.findElement(By.id("payload")).getAttribute("value");
  }

  private static List<WebElement> findings() {
    return driver.findElements(By.cssSelector("#findings li.finding"));
  }

  private static String summary() {
    return driver.findElement(By.id("summary")).getText();
  }

  @Test
  void aMisspeltInputIsShownOnItsLineAndApplyFixCorrectsIt() throws Exception {
    paste(Files.readString(Path.of("src/test/resources/dev/flowlint/serve/misspelt-input.json")));
    wait.until(d -> findings().size() == 1);
    WebElement f = findings().get(0);
    assertEquals("unknown-input", f.getAttribute("data-rule"));
    assertTrue(
        f.getText()
            .contains("inputData has no input \"Flow.amuont\"; did you mean \"Flow.amount\"?"),
        f.getText());
    assertEquals("6:5", f.findElement(By.cssSelector("button.loc")).getText());
    assertTrue(
        f.findElement(By.cssSelector(".sev")).getText().contains("ERROR"),
        "severity in words, not colour alone");
    assertTrue(
        f.findElement(By.cssSelector("pre.frame"))
            .getText()
            .contains("> 6 |     \"Flow.amuont\": 10.5"),
        f.getText());
    WebElement gutterLine = driver.findElements(By.cssSelector("#gutter div")).get(5);
    assertEquals("✖ 6", gutterLine.getText());
    assertTrue(gutterLine.getAttribute("class").contains("error"));
    assertTrue(
        summary().startsWith("1 error, 0 warnings, 0 infos for flow Order Lookup"), summary());
    assertTrue(
        driver.findElement(By.id("flow-title")).getText().equals("Order Lookup"),
        "the detected flow's inputs are shown");

    f.findElement(By.cssSelector("button.apply-fix")).click();
    wait.until(d -> summary().startsWith("✔ No findings"));
    assertTrue(payload().contains("\"Flow.amount\": 10.5"), payload());
    assertFalse(payload().contains("amuont"), payload());
    assertEquals(0, findings().size());
    assertEquals(
        Files.readString(Path.of("src/test/resources/dev/flowlint/serve/misspelt-input.json"))
            .replace("Flow.amuont", "Flow.amount"),
        payload());
    assertNoConsoleErrors();
  }

  @Test
  void applyAllFixesGivesWhatCheckFixGivesAndAScreenshotShowsTheFindings() throws Exception {
    String text = Files.readString(Path.of("fixtures/payloads/unknown-input.fail.json"));
    paste(text);
    wait.until(d -> findings().size() == 4);
    List<String> lines = findings().stream().map(e -> e.getAttribute("data-line")).toList();
    assertEquals(List.of("4", "5", "6", "7"), lines);
    saveScreenshot();

    CliRunner.Result cli =
        CliRunner.withStdin(text, "check", "-", "--fix", "--schemas", schemas.toString());
    driver.findElement(By.id("copy-fixed")).click();
    wait.until(
        d ->
            d.findElement(By.id("action-status"))
                .getText()
                .startsWith("Copied the fixed payload (3 fixes)"));
    assertEquals(cli.out(), clipboard());
    assertEquals(text, payload(), "copying leaves the editor alone");

    driver.findElement(By.id("apply-all")).click();
    wait.until(d -> findings().size() == 1);
    assertEquals(cli.out(), payload());
    assertTrue(
        driver
            .findElement(By.id("action-status"))
            .getText()
            .startsWith("Applied 3 fixes: rename to Flow.customer_id"),
        driver.findElement(By.id("action-status")).getText());
    assertTrue(
        findings().get(0).getText().contains("inputData has no input \"Flow.phone\""),
        "no guess for phone");
    assertNoConsoleErrors();
  }

  @Test
  void pickAFlowAndPressSkeletonForAValidBody() {
    WebElement search = driver.findElement(By.id("flow-search"));
    search.sendKeys("order workflow");
    Select flow = new Select(driver.findElement(By.id("flow")));
    assertEquals(
        2,
        flow.getOptions().size(),
        "detect and the one match (not the data action Launch Order Lookup)");
    search.sendKeys(Keys.ENTER); // picks the first match, from the keyboard
    assertEquals("Order Lookup", flow.getFirstSelectedOption().getAttribute("value"));
    wait.until(d -> d.findElement(By.id("flow-title")).getText().equals("Order Lookup"));
    List<WebElement> rows = driver.findElements(By.cssSelector("#inputs tbody tr"));
    assertEquals(7, rows.size());
    WebElement customer =
        rows.stream()
            .filter(r -> r.getText().startsWith("Flow.customer_id"))
            .findFirst()
            .orElseThrow();
    assertTrue(customer.getText().contains("String"), customer.getText());
    assertTrue(customer.getText().contains("required"), customer.getText());
    assertTrue(
        driver
            .findElement(By.id("facts"))
            .getText()
            .contains("there is no flowType field: the flow's type comes from flowId"),
        driver.findElement(By.id("facts")).getText());

    customer.findElement(By.tagName("button")).click();
    wait.until(
        d -> "Flow.customer_id".equals(clipboard())); // the button says "Copied" only for a moment

    driver.findElement(By.id("skeleton")).click();
    wait.until(d -> summary().startsWith("✔ No findings"));
    CliRunner.Result cli =
        CliRunner.run("skeleton", "--flow", "Order Lookup", "--schemas", schemas.toString());
    assertEquals(cli.out(), payload());
    assertEquals(
        "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11",
        CanonicalJson.mapper().readTree(payload()).get("flowId").asString());
    assertNoConsoleErrors();
  }

  @Test
  void aCommonModuleSkeletonIsTheSharedFlowRequest() {
    Select flow = new Select(driver.findElement(By.id("flow")));
    flow.selectByValue("Resolve Contact");
    driver.findElement(By.id("skeleton")).click();
    wait.until(d -> summary().startsWith("✔ No findings"));
    assertTrue(payload().contains("\"flowType\": \"shared\""), payload());
    assertTrue(
        driver
            .findElement(By.id("facts"))
            .getText()
            .contains("A common module is not launched by the API"));
  }

  @Test
  void typingIsCheckedWithoutPressingAnything() {
    WebElement area = driver.findElement(By.id("payload"));
    area.click();
    area.sendKeys(
        "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": {\"Flow.customerId\": 1}}");
    wait.until(
        d ->
            findings().size() == 1
                && findings().get(0).getText().contains("did you mean \"Flow.customer_id\"?"));
    area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    wait.until(d -> summary().equals("Paste a payload to check it."));
  }

  /** What the page put on the clipboard (the test granted the page clipboard access). */
  private static String clipboard() {
    return (String)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, (e) => done('cannot read: ' + e));");
  }

  private static void saveScreenshot() throws Exception {
    ((JavascriptExecutor) driver)
        .executeScript("window.scrollTo(0, 0); document.activeElement.blur();");
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SCREENSHOT.getParent());
    Path part = SCREENSHOT.resolveSibling(SCREENSHOT.getFileName() + ".tmp");
    Files.copy(shot.toPath(), part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        part, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A CSP violation or a script error shows in the console; the page must cause none. */
  private static void assertNoConsoleErrors() {
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> !m.contains("favicon.ico"))
            .toList();
    assertEquals(List.of(), errors);
  }
}
