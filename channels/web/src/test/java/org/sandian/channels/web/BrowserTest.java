package org.sandian.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.sandian.channels.sms.MoHandler;
import org.sandian.channels.sms.SmsChannel;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.channels.web.testing.Pages;
import org.sandian.channels.web.testing.WebHub;
import org.sandian.content.store.MongoStore;

/**
 * The public pages in a real headless Chromium (Debian's chromium + chromedriver, never a
 * downloaded one), against a hub with the demo content, the real answer engine, subscriber
 * directory, questions desk, and the real SMS channel bound over SMPP to the simulator: the
 * one-time code is read from the SMS the simulator received. Screenshots go to target/screenshots.
 */
class BrowserTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Only the one-time-code message: other SMS to the same phone (a confirmation) may carry numbers too. */
    static final Pattern CODE = Pattern.compile("(?:验证码|code )(\\d{6})");

    static WebHub hub;
    static SmscSimulator sim;
    static WebDriver browser;
    static Path profile;
    static final BlockingQueue<SimMessage> smsAtSmsc = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Files.isExecutable(CHROMEDRIVER),
                "no /usr/bin/chromedriver: apt-get install chromium chromium-driver (required when CI=true)");
        int smppPort = freePort();
        sim = SmscSimulator.start(SimOptions.on(smppPort));
        sim.onMessage(smsAtSmsc::add);
        hub = new WebHub(new WebHub.Extra() {
            @Override
            public boolean servesSms() {
                return true;
            }

            @Override
            public void deploy(Vertx vertx, MongoStore store) throws Exception {
                SmsChannel sms = new SmsChannel(SmsOptions.of("127.0.0.1", smppPort, "sandian", "secret")
                        .withTimers(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(400),
                                Duration.ofSeconds(60)), store, MoHandler.NONE, Clock.systemUTC());
                WebHub.await(vertx.deployVerticle(sms));
                long end = System.currentTimeMillis() + 10_000;
                while (!sms.allBound() && System.currentTimeMillis() < end) Thread.sleep(20);
                assertTrue(sms.allBound(), "SMS channel bound to the simulator");
            }
        });
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("sandian-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=480,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
        open("/lang/zh?back=/"); // headless Chromium says en-US; the farmers' language is chosen once
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (hub != null) hub.close();
        if (sim != null) sim.close();
    }

    @Test
    void homeShowsTodaysPricesNoticesAndTips() {
        open("/");
        assertTrue(browser.getTitle().contains("三电合一"), browser.getTitle());
        List<WebElement> rows = browser.findElements(By.cssSelector("main table tbody tr"));
        assertTrue(rows.size() >= 5, "today's prices shown: " + rows.size());
        assertTrue(text().contains("玉米"));
        assertFalse(browser.findElements(By.cssSelector("main ul li a[href^='/notices/']")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("main ul li a[href^='/guidance/']")).isEmpty());
        shot("home");
    }

    @Test
    void pricePageShowsEveryMarketWithTrendAndHistory() {
        open("/prices/104");
        assertEquals("玉米", browser.findElement(By.cssSelector("h1")).getText().split(" ")[0]);
        List<WebElement> rows = browser.findElements(By.cssSelector("main table tbody tr"));
        assertEquals(hub.snapshot.get().markets().size(), rows.size(), "one row per market");
        assertFalse(browser.findElements(By.cssSelector("main svg polyline")).isEmpty(), "sparklines");
        assertTrue(text().matches("(?s).*[▲▼＝].*"), "trend as text");
        shot("price-maize");
        Pages.follow(browser, () -> rows.get(0).findElement(By.cssSelector("a")).click());
        assertTrue(browser.findElements(By.cssSelector("main table tbody tr")).size() >= 10, "history table");
        assertTrue(text().contains("CSV"));
        shot("price-history");
    }

    @Test
    void noticeShowsDepartmentDatesRegionAndAttachments() {
        open("/notices");
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("main ul li a")).click());
        String body = text();
        assertTrue(body.contains("发布部门") && body.contains("生效日期") && body.contains("地区"), body);
        shot("notice");
    }

    @Test
    void searchWithATypoFindsMaize() {
        for (String typed : List.of("yumu", "苞谷")) {
            open("/");
            WebElement box = browser.findElement(By.name("q"));
            box.sendKeys(typed);
            Pages.follow(browser, box::submit);
            assertEquals("玉米", browser.findElement(By.cssSelector("main h2 a")).getText(), typed);
        }
        shot("search-typo");
    }

    @Test
    void subscribeWithTheCodeFromTheSmsThenAskAndCheckStatus() throws Exception {
        String phone = "13800138000";
        open("/services/subscribe");
        browser.findElement(By.name("phone")).sendKeys(phone);
        browser.findElement(By.name("item")).sendKeys("苞谷");
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        assertTrue(text().contains("验证码已发送到"), text());
        String code = codeSentTo(phone);
        browser.findElement(By.name("code")).sendKeys("000000".equals(code) ? "111111" : "000000");
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        assertTrue(text().contains("验证码不对"), "a wrong code is refused");
        browser.findElement(By.name("code")).sendKeys(code);
        shot("subscribe-code");
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        assertTrue(text().contains("订阅成功"), text());
        shot("subscribe-done");

        open("/services/ask");
        browser.findElement(By.name("phone")).sendKeys(phone);
        browser.findElement(By.name("question")).sendKeys("玉米叶子发黄是什么原因？");
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        browser.findElement(By.name("code")).sendKeys(codeSentTo(phone));
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        String ticket = browser.findElement(By.id("ticket")).getText();
        assertFalse(ticket.isBlank(), text());
        shot("ask-ticket");

        Pages.follow(browser, () -> browser.findElement(By.cssSelector("a[href^='/services/status']")).click());
        browser.findElement(By.name("phone")).sendKeys(phone);
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        String status = browser.findElement(By.id("status")).getText();
        assertTrue(status.contains(ticket) && status.contains("待处理"), status);
        shot("status");
    }

    @Test
    void languageAndRegionAreChosenOnceAndRemembered() {
        open("/");
        Pages.follow(browser, () -> browser.findElement(By.linkText("English")).click());
        assertTrue(text().contains("Today's prices"), text());
        Pages.follow(browser, () -> browser.findElement(By.partialLinkText("Region")).click());
        WebElement select = browser.findElement(By.name("code"));
        WebElement option = select.findElements(By.tagName("option")).get(1);
        String region = option.getText();
        option.click();
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        open("/notices");
        assertTrue(browser.findElement(By.tagName("nav")).getText().contains("Region: " + region), text());
        shot("english-region");
        Pages.follow(browser, () -> browser.findElement(By.linkText("中文")).click());
        browser.manage().deleteCookieNamed("sd_region");
        open("/");
        assertTrue(text().contains("今日价格"));
    }

    @Test
    void formErrorKeepsWhatTheVisitorTyped() {
        open("/services/ask");
        browser.findElement(By.name("phone")).sendKeys("12345");
        browser.findElement(By.name("question")).sendKeys("水稻什么时候施肥");
        Pages.follow(browser, () -> browser.findElement(By.cssSelector("form button")).click());
        assertTrue(text().contains("请填写正确的手机号码"));
        assertEquals("12345", browser.findElement(By.name("phone")).getAttribute("value"));
        assertEquals("水稻什么时候施肥", browser.findElement(By.name("question")).getAttribute("value"));
        shot("form-error");
    }

    /** The six digits of the next SMS the simulator received for {@code phone}. */
    private static String codeSentTo(String phone) throws InterruptedException {
        SimMessage m;
        do {
            m = smsAtSmsc.poll(10, TimeUnit.SECONDS);
            assertTrue(m != null, "no SMS reached the SMSC simulator");
        } while (!m.to().endsWith(phone) || !CODE.matcher(m.text()).find());
        Matcher matcher = CODE.matcher(m.text());
        assertTrue(matcher.find(), m.text());
        return matcher.group(1);
    }

    private static void open(String path) {
        browser.get(hub.base() + path);
    }

    private static String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static void shot(String name) {
        try {
            Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
