package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** The console's phone simulator in headless Chromium: an SMS typed as a farmer is answered over the real SMPP path. */
class PhoneSimulatorBrowserTest {

    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        SharedHub.officer("ph-agent-hb", Role.AGENT, "420000000000");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void anSmsTypedAsAFarmerGetsTheMaizePricesBack() throws Exception {
        chromium.signIn("ph-agent-hb", SharedHub.PASSWORD);
        chromium.open("/console/phone");
        chromium.type("from", "13900004401");
        chromium.type("text", "价格 玉米");
        chromium.click("send");
        String page = chromium.browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        assertTrue(page.contains("from=13900004401"), page);
        assertTrue(!chromium.browser.findElements(By.cssSelector("meta[http-equiv=refresh]")).isEmpty(), "refreshes itself");
        assertTrue(chromium.reloadUntil(page, 20, () -> {
            var replies = chromium.browser.findElements(By.cssSelector("#replies li"));
            return !replies.isEmpty() && replies.get(0).getText().contains("玉米") && replies.get(0).getText().contains("元");
        }), "the reply reached the simulator: " + chromium.text());
        chromium.shot("phone-simulator");
    }
}
