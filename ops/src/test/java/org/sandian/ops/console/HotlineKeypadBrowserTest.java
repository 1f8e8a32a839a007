package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/**
 * The phone simulator's keypad in headless Chromium: a call from a farmer's number walks the hotline
 * through the hub's real FastAGI server (Asterisk's side played by the console), and the page shows
 * the prompts' texts with the WAV speech synthesis made for them.
 */
class HotlineKeypadBrowserTest {

    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        SharedHub.officer("kp-agent-hb", Role.AGENT, "420000000000");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void pressingOneThenACommodityReadsItsPricesAndHangingUpEndsTheCall() throws Exception {
        chromium.signIn("kp-agent-hb", SharedHub.PASSWORD);
        chromium.open("/console/phone");
        chromium.type("caller", "13900004402");
        chromium.click("dial");
        assertTrue(chromium.text("call-state").contains("+8613900004402"), chromium.text("call-state"));
        assertTrue(said().stream().anyMatch(s -> s.contains("普通话请按一")), "language prompt heard: " + said());
        assertTrue(chromium.browser.findElements(By.cssSelector("meta[http-equiv=refresh]")).isEmpty(),
                "a call waiting for a key does not reload the page");

        chromium.click("key-1"); // Mandarin
        assertTrue(said().stream().anyMatch(s -> s.contains("查价格请按一")), "main menu heard: " + said());
        chromium.click("key-1"); // prices
        assertTrue(said().stream().anyMatch(s -> s.contains("玉米请按二")), "commodity menu heard: " + said());
        chromium.click("key-2"); // maize, then the caller's pause ends the choice
        chromium.reloadUntil("/console/phone", 20, () -> said().stream().anyMatch(s -> s.startsWith("玉米最新价格")));
        String prices = said().stream().filter(s -> s.startsWith("玉米最新价格")).findFirst().orElse(null);
        assertTrue(prices != null && prices.contains("均价"), "the maize prices were read: " + said());
        chromium.shot("hotline-keypad");

        // The price prompt's sound, as espeak-ng and sox made it, plays from the console.
        WebElement audio = chromium.browser.findElements(By.cssSelector("#heard li.prompt")).stream()
                .filter(li -> li.getText().startsWith("玉米最新价格")).findFirst().orElseThrow()
                .findElement(By.tagName("audio"));
        String src = audio.getAttribute("src");
        assertEquals("200 audio/wav RIFF", fetch(src), src);
        assertTrue(fetch("/console/phone/sound?f=../store.uri").startsWith("404"), "nothing outside the sounds directory");
        assertTrue(fetch("/console/phone/sound?f=%2Fetc%2Fpasswd").startsWith("404"), "no absolute names");

        chromium.click("hangup");
        assertTrue(chromium.text("call-state").contains("通话已结束"), chromium.text("call-state"));
        assertFalse(chromium.browser.findElements(By.cssSelector("#heard li.caller-hung-up")).isEmpty(), chromium.text());
        assertTrue(chromium.browser.findElements(By.id("keypad")).isEmpty(), "no keypad once the call has ended");
    }

    private static List<String> said() {
        return chromium.browser.findElements(By.cssSelector("#heard li.prompt .said")).stream().map(WebElement::getText).toList();
    }

    /** Status, content type and the first four bytes of {@code url}, fetched by the signed-in browser. */
    private static String fetch(String url) {
        Object r = ((JavascriptExecutor) chromium.browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                        + " + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 4))))))"
                        + ".catch(e => done('error ' + e));", url);
        return String.valueOf(r);
    }
}
