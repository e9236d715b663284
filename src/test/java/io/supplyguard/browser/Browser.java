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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
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
        // the page's console (errors of the webapps, failed requests) goes into the failure report
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
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

    /**
     * Clicks the element once it is clickable. Finding, scrolling and clicking are retried as one
     * step: Angular may replace the element between them (stale) or an overlay may still cover it.
     */
    public void click(By locator) {
        new WebDriverWait(driver, TIMEOUT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(d -> {
                    WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
                    if (element == null) {
                        return false;
                    }
                    scrollIntoView(element).click();
                    return true;
                });
    }

    /** Scrolls the element to the middle of the window (away from Tasklist's fixed footer) and returns it. */
    public WebElement scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /**
     * Types {@code value} into a text-like input after clearing it, then waits until the field
     * really holds it: a value typed while the page moved the focus elsewhere would otherwise go
     * unnoticed until some later step fails for a reason nobody can see.
     */
    public WebElement typeInto(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
        return expectValue(input, value);
    }

    /** Waits until the input's current value is {@code value}; fails naming what it holds instead. */
    public WebElement expectValue(WebElement input, String value) {
        try {
            until(d -> value.equals(input.getDomProperty("value")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("field " + describe(input) + " should hold '" + value + "' but holds '"
                    + input.getDomProperty("value") + "'", e);
        }
        return input;
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private static String describe(WebElement input) {
        String name = input.getDomAttribute("ng-model");
        if (name == null) {
            name = input.getDomAttribute("name");
        }
        return name == null ? input.getTagName() : name;
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

    /**
     * What a person needs to understand a failed browser test without running it again: the
     * screenshot, the page's URL and visible text, and the browser console, saved side by side as
     * {@code <name>-NN-FAILED.png}, {@code .txt} and {@code -console.log}.
     */
    public void saveFailureReport() {
        Path shot = screenshot("FAILED");
        String base = shot != null ? shot.getFileName().toString().replaceFirst("\\.png$", "")
                : "%s-%02d-FAILED".formatted(name, ++shots);
        try {
            Path directory = BrowserExtension.screenshotDirectory();
            Files.writeString(directory.resolve(base + ".txt"), pageReport());
            Files.writeString(directory.resolve(base + "-console.log"), consoleLog());
        } catch (IOException | RuntimeException e) {
            // a dead browser must not hide the test's own failure
            System.err.println("browser failure report of " + name + " incomplete: " + e);
        }
    }

    /** URL, title and visible text of the current page, for failure messages and reports. */
    public String pageReport() {
        try {
            return "URL: " + driver.getCurrentUrl() + "\ntitle: " + driver.getTitle() + "\n\n" + text();
        } catch (RuntimeException e) {
            return "(page not readable: " + e + ")";
        }
    }

    private String consoleLog() {
        StringBuilder log = new StringBuilder();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            log.append(java.time.Instant.ofEpochMilli(entry.getTimestamp())).append(' ')
                    .append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
        }
        return log.toString();
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
