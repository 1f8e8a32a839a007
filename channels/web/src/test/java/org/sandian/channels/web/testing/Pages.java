package org.sandian.channels.web.testing;

import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser steps that load another page. Chromium may return from a click or a submit before the
 * next page replaces the current one, so the next lookup can find the old page's elements (stale or
 * missing ones). The current page is marked first, and the step is over once a page without the
 * mark has loaded.
 */
public final class Pages {

    private Pages() {
    }

    public static void follow(WebDriver browser, Runnable step) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("window.sandianOldPage = true;");
        step.run();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                return Boolean.TRUE.equals(script.executeScript(
                        "return window.sandianOldPage !== true && document.readyState === 'complete';"));
            } catch (WebDriverException betweenPages) {
                return false;
            }
        });
    }
}
