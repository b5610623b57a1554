package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tabella.app.board.BoardClient;
import org.tabella.app.board.BoardServer;
import org.tabella.app.board.BoardService;
import org.tabella.app.board.BoardTls;
import org.tabella.app.board.RateLimiter;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.Fixtures;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.tally.LocalTrustees;
import org.tabella.voting.tally.TallyDecryption;

/**
 * The board's web page in a real browser (issue 12): Debian's headless Chromium driven by Selenium
 * through {@code /usr/bin/chromedriver}, against a real board over HTTPS. The page shows the count
 * rising while ballots are cast, finds a real tracking code and not a made-up one, and after
 * closing and decryption shows the results table and every verification step. Screenshots of each
 * state go to {@code target/screenshots/}. Skipped where Chromium is not installed ({@code .ci/run}
 * installs it).
 */
@DisplayName("the board's web page in headless Chromium")
@Timeout(300)
class BoardPageBrowserTest {
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  Path dir;

  static void shot(WebDriver browser, String name) throws Exception {
    Path out = Path.of("target", "screenshots");
    Files.createDirectories(out);
    Files.write(out.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void votersAndObserversSeeTheBoard() throws Exception {
    assumeTrue(Files.isExecutable(DRIVER), "Debian's chromium-driver is not installed");
    Fixtures.Ceremony ceremony = Fixtures.ceremony();
    ElectionParameters e = ElectionParameters.builder("city-2026", ceremony.key().group()).trustees(3).quorum(2)
        .contest(Contest.referendum("budget")).contest(Contest.choice("mayor", 3)).build();
    Path def = dir.resolve("definition");
    RecordIo.writeDefinition(new RecordIo.Definition(e, ceremony.key()), def);
    Path data = dir.resolve("data");
    RecordIo.Definition d = RecordIo.readDefinition(def);
    BoardService service = BoardService.open(d, data);
    BoardServer server = BoardServer.start(service, def, data, BoardTls.inDataDirectory(data), 0,
        new RateLimiter.Rate(10_000, 10_000));
    String url = "https://127.0.0.1:" + server.port() + "/";
    BoardClient client = new BoardClient(java.net.URI.create(url), server.fingerprint());

    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--ignore-certificate-errors", "--window-size=1200,1600",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(driverService, options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      browser.get(url);
      assertEquals("city-2026", browser.findElement(By.id("election-id")).getText());
      assertEquals("open", browser.findElement(By.id("state")).getText());
      assertEquals("0", browser.findElement(By.id("ballot-count")).getText());
      assertTrue(browser.getPageSource().contains("mayor"));
      shot(browser, "1-open-empty");

      // Ballots arrive; the page counts them without a reload.
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        var b = BoardClient.encrypt(d, Map.of("budget", new int[] {i % 2}, "mayor", new int[] {i == 0 ? 1 : 0, i == 0 ? 0 : 1, 0}));
        codes.add(client.submit(b, 3).trackingCode());
      }
      wait.until(x -> x.findElement(By.id("ballot-count")).getText().equals("5"));
      shot(browser, "2-open-five-ballots");

      // Check my ballot: a real code is found, a made-up one is not.
      WebElement code = browser.findElement(By.id("code"));
      code.sendKeys(codes.get(2));
      browser.findElement(By.id("check")).click();
      wait.until(x -> x.findElement(By.id("check-result")).getText().startsWith("Found"));
      String answer = browser.findElement(By.id("check-result")).getText();
      assertTrue(answer.contains("position 2") && answer.contains("accepted at 20") && answer.contains("chain head after it"),
          answer);
      shot(browser, "3-ballot-found");
      code.clear();
      code.sendKeys("made-up-code");
      browser.findElement(By.id("check")).click();
      wait.until(x -> x.findElement(By.id("check-result")).getText().startsWith("Not found"));
      shot(browser, "4-ballot-not-found");

      // Close and decrypt (trustees 1 and 3); the page shows the results and the verification.
      service.closeVoting();
      wait.until(x -> x.findElement(By.id("state")).getText().equals("closed"));
      List<KeyShare> shares = List.of(ceremony.results().get(1).share(), ceremony.results().get(3).share());
      var ballots = service.ballots(0, 1000).stream().map(x -> {
        try {
          return org.tabella.voting.BallotCodec.decode(e.group(), x.ballot());
        } catch (Exception ex) {
          throw new IllegalStateException(ex);
        }
      }).toList();
      var entries = TallyDecryption.run(e, d.key().key(), ballots, new LocalTrustees(shares));
      ElectionRecord record = new ElectionRecord(e, d.key().key(), d.key().qualified(), java.util.Optional.of(d.key().ceremony()),
          service.ballots(0, 1000).stream().map(BoardService.Entry::ballot).toList(), service.head(), entries);
      client.postDecryption(RecordIo.tallyText(record));
      wait.until(x -> x.findElement(By.id("state")).getText().equals("decrypted"));
      WebElement results = browser.findElement(By.id("results"));
      List<WebElement> budget = results.findElements(By.cssSelector("article[data-contest=budget] td.count"));
      assertEquals(List.of("2", "3"), budget.stream().map(WebElement::getText).toList(), "two of five said yes, three no");
      List<WebElement> mayor = results.findElements(By.cssSelector("article[data-contest=mayor] td.count"));
      assertEquals(List.of("1", "4", "0"), mayor.stream().map(WebElement::getText).toList());
      assertTrue(browser.findElement(By.id("verdict")).getText().contains("verifies"));
      List<WebElement> steps = browser.findElements(By.cssSelector("#steps li"));
      assertEquals(org.tabella.voting.record.VerificationStep.values().length, steps.size());
      assertTrue(steps.stream().allMatch(s -> s.getAttribute("class").equals("ok")));
      assertTrue(browser.findElement(By.id("download")).getAttribute("href").endsWith("/api/record"));
      shot(browser, "5-decrypted-results");
    } finally {
      browser.quit();
      server.close();
      service.close();
    }
  }
}
