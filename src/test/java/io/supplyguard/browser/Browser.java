package io.supplyguard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session against the application under test: navigation relative to the
 * application's base URL, waiting helpers and screenshots. Page objects ({@link TasklistPage},
 * {@link CockpitPage}) are built on it.
 */
public final class Browser implements AutoCloseable {

    /** Chromium flags for a quiet, sandbox-free, offline-friendly headless run. */
    static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN");

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String BUSINESS_TIME_ZONE = "Asia/Shanghai";

    private final WebDriver driver;
    private final String baseUrl;
    private final String name;
    private final Path profile;
    private int shots;

    private Browser(WebDriver driver, String baseUrl, String name, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.name = name;
        this.profile = profile;
    }

    static Browser open(String baseUrl, String name) {
        // Debian's driver and browser are given explicitly: Selenium Manager never runs, nothing is downloaded
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, ChromiumInstallation.driver().toString());
        Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("supplyguard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumInstallation.browser().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumInstallation.driver().toFile())
                .usingAnyFreePort()
                // the browser shows dates as the staff's browsers do: in the business time zone
                .withEnvironment(Map.of("TZ", BUSINESS_TIME_ZONE))
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
        return new Browser(driver, baseUrl, name, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the application, e.g. {@code /camunda/app/tasklist/}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement waitFor(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement waitForClickable(By locator) {
        return until(ExpectedConditions.elementToBeClickable(locator));
    }

    public void click(By locator) {
        WebElement element = waitForClickable(locator);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Scrolls the element to the middle of the window (away from Tasklist's fixed footer) and returns it. */
    public WebElement scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    public <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** The visible text of the whole page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page shows the text (e.g. a translated label). */
    public void waitForText(String text) {
        until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /**
     * Saves {@code target/browser-screenshots/<TestClass>-<method>-<n>-<label>.png}; the extension
     * saves one after every test, tests may add their own at interesting moments.
     */
    public Path screenshot(String label) {
        try {
            Path file = BrowserExtension.screenshotDirectory().resolve("%s-%02d-%s.png".formatted(name, ++shots, label));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a dead browser must not hide the test's own failure
            return null;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
