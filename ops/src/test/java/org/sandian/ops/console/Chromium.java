package org.sandian.ops.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.sandian.channels.web.testing.Pages;
import org.sandian.ops.testing.SharedHub;

/**
 * Debian's headless Chromium driving the console of the shared demo hub (never a downloaded
 * driver): one browser per test class, signed in as one officer at a time. Screenshots go to
 * target/screenshots.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver browser;

    private Chromium(WebDriver browser) {
        this.browser = browser;
    }

    /** Starts Chromium, or skips the calling test class when it is not installed (never on CI). */
    static Chromium start() throws IOException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Files.isExecutable(CHROMEDRIVER),
                "no /usr/bin/chromedriver: apt-get install chromium chromium-driver (required when CI=true)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("sandian-console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1200,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        return new Chromium(browser);
    }

    void open(String path) {
        browser.get(SharedHub.url(path));
    }

    /** Signs out whoever was signed in (drops the cookies) and signs {@code name} in through the login form. */
    void signIn(String name, String password) {
        open("/console/login");
        browser.manage().deleteAllCookies();
        open("/console/login");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        click("login");
    }

    void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks and waits for the next page: a click on a submit button does not wait for it. The old
     * page is marked with a window property that the new page does not have; asking an old element
     * whether it went stale is not enough, since Chromium 156 may answer that with an "unknown error"
     * (node not in the document) instead of a stale-element error.
     */
    void click(String id) {
        Pages.follow(browser, () -> browser.findElement(By.id(id)).click());
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Reloads {@code path} until {@code condition} holds or {@code seconds} pass; true when it held. */
    boolean reloadUntil(String path, int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            open(path);
            if (condition.getAsBoolean()) return true;
            if (System.nanoTime() > end) return false;
            Thread.sleep(200);
        }
    }

    void shot(String name) {
        try {
            Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
