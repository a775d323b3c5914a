package io.heed.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the console's tests: Debian's headless Chromium driven through its chromedriver (given by
 * path, so Selenium Manager never runs and nothing is downloaded). {@link #look} saves a screenshot of the page in
 * light and dark, at desktop and phone width, under {@code target/screenshots/}, and runs axe-core on each: a
 * serious or critical WCAG 2.1 AA violation fails the test.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CHROMIUM = System.getProperty("heed.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("heed.test.chromedriver", "/usr/bin/chromedriver");

    /** The widths every page is looked at: a desktop and a phone. */
    public enum Width {
        DESKTOP(1366, 900),
        PHONE(390, 844);

        final int width;
        final int height;

        Width(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(String baseUrl, boolean javascript) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        try {
            profile = Files.createTempDirectory("heed-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--lang=en-GB",
                "--user-data-dir=" + profile);
        if (!javascript) {
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("profile.managed_default_content_settings.javascript", 2);
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        size(Width.DESKTOP);
    }

    /** A browser with JavaScript, against the application at {@code baseUrl}. */
    public static Browser open(String baseUrl) {
        return new Browser(baseUrl, true);
    }

    /** A browser with JavaScript switched off: the console must work as plain forms. */
    public static Browser withoutJavaScript(String baseUrl) {
        return new Browser(baseUrl, false);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser visit(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The path (and query) of the page the browser shows. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    public Browser submit(String css) {
        WebElement page = find("html");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        return this;
    }

    /**
     * Waits (at most 10 s) until the element {@code css} shows {@code text}; an element htmx swaps out while it is
     * read is looked up again.
     */
    public void awaitText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream()
                        .anyMatch(e -> e.getText().contains(text)));
    }

    /** Signs in through the sign-in page. */
    public Browser signIn(String email, String password) {
        visit("/console/login");
        type("#email", email).type("#password", password);
        return submit("form[action='/console/login'] button[type=submit]");
    }

    public void size(Width width) {
        driver.manage().window().setSize(new Dimension(width.width, width.height));
    }

    /** The colour scheme the page sees from the "system" ({@code prefers-color-scheme}). */
    public void colorScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * Looks at the current page as people will: light and dark, desktop and phone. Saves
     * {@code target/screenshots/<name>-<light|dark>-<desktop|phone>.png} and fails on any serious or critical
     * accessibility violation axe-core finds (WCAG 2.0/2.1 A and AA rules).
     */
    public void look(String name) {
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(SCREENSHOTS);
            for (String scheme : List.of("light", "dark")) {
                colorScheme(scheme);
                for (Width width : Width.values()) {
                    size(width);
                    File shot = driver.getScreenshotAs(OutputType.FILE);
                    Files.copy(
                            shot.toPath(),
                            SCREENSHOTS.resolve(
                                    name + "-" + scheme + "-" + width.name().toLowerCase() + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                    // Sandboxed frames (rendered e-mails) run no script, so axe cannot enter them: it would wait
                    // for each one until it times out.
                    Results results = new AxeBuilder()
                            .disableIframeTesting()
                            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                            .analyze(driver);
                    for (Rule rule : results.getViolations()) {
                        if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                            problems.add(scheme + "/" + width + " " + rule.getId() + " (" + rule.getImpact() + "): "
                                    + rule.getHelp() + " at "
                                    + rule.getNodes().stream()
                                            .map(n -> String.valueOf(n.getTarget()))
                                            .limit(5)
                                            .collect(Collectors.joining(", ")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            colorScheme("light");
            size(Width.DESKTOP);
        }
        if (!problems.isEmpty()) {
            fail("Accessibility of " + name + ":\n" + String.join("\n", problems));
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary profile left behind
        }
    }
}
