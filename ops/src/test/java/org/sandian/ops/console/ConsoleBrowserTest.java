package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.sandian.ops.auth.Logins;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** The console in a real headless Chromium against the shared demo hub: what an officer's browser sees. */
class ConsoleBrowserTest {

    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        SharedHub.officer("b-editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("b-reviewer-hb", Role.REVIEWER, "420000000000");
        SharedHub.officer("b-locked", Role.EDITOR, "429005000000");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRightOneIsThenRefused() {
        for (int i = 1; i <= Logins.LOCK_AFTER; i++) {
            chromium.signIn("b-locked", "wrong-" + i);
            assertTrue(chromium.browser.findElements(By.id("login-error")).size() == 1, "attempt " + i + " refused");
        }
        chromium.signIn("b-locked", SharedHub.PASSWORD);
        String error = chromium.text("login-error");
        assertTrue(error.contains("锁定") || error.contains("locked"), error);
        assertTrue(chromium.browser.getCurrentUrl().endsWith("/console/login"), chromium.browser.getCurrentUrl());
        chromium.shot("login-locked");
    }

    @Test
    void theRightPasswordOpensTheConsole() {
        chromium.signIn("b-editor-qj", SharedHub.PASSWORD);
        assertTrue(chromium.text().contains("b-editor-qj"), chromium.text());
        assertTrue(chromium.browser.findElements(By.id("login-error")).isEmpty());
        chromium.shot("home");
    }

    @Test
    void aFormWhoseCsrfTokenWasRemovedIsRefused() {
        chromium.signIn("b-editor-qj", SharedHub.PASSWORD);
        chromium.open("/console/content/new/notice");
        ((JavascriptExecutor) chromium.browser).executeScript(
                "document.querySelectorAll('input[name=\"X-XSRF-TOKEN\"]').forEach(function(e){e.remove();});");
        chromium.type("id", "n-browser-forged");
        chromium.type("titleZh", "伪造的通知");
        chromium.click("save");
        assertTrue(chromium.text().contains("403"), chromium.text());
        chromium.open("/console/content/notice/n-browser-forged");
        assertFalse(chromium.text().contains("伪造的通知"), "nothing was saved");
    }

    @Test
    void aCountyEditorCannotWriteANoticeForAnotherCounty() {
        chromium.signIn("b-editor-qj", SharedHub.PASSWORD);
        writeNotice("n-browser-hunan", "湖南的通知", "", "正文", "长沙市农业局", "430100000000");
        assertTrue(chromium.text().contains("beyond your region"), chromium.text());
        assertEquals("湖南的通知", chromium.browser.findElement(By.id("titleZh")).getAttribute("value"));
        chromium.shot("region-refused");
        chromium.open("/console/content/notice/n-browser-hunan");
        assertFalse(chromium.text().contains("湖南的通知"), "nothing was saved");
    }

    @Test
    void aNoticeWrittenByAnEditorAndApprovedByAReviewerAppearsOnThePublicNoticesPage() throws Exception {
        chromium.signIn("b-editor-qj", SharedHub.PASSWORD);
        writeNotice("n-browser-frost", "霜冻预警（浏览器测试）", "Frost warning (browser test)", "今晚有霜冻，请覆盖蔬菜。",
                "潜江市农业农村局", "429005000000");
        chromium.click("submit");
        chromium.shot("notice-submitted");
        assertFalse(isPublic(), "not public before review");

        chromium.signIn("b-reviewer-hb", SharedHub.PASSWORD);
        chromium.open("/console/");
        assertTrue(chromium.text().contains("n-browser-frost"), "waiting in the reviewer's list: " + chromium.text());
        chromium.open("/console/content/notice/n-browser-frost");
        chromium.click("approve");
        assertEquals("PUBLISHED", chromium.text("live-status"));
        chromium.shot("notice-approved");

        assertTrue(chromium.reloadUntil("/notices?region=429005000000", 15,
                ConsoleBrowserTest::isShownPublicly), "on the public page: " + chromium.text());
        chromium.shot("notice-public");
    }

    private static void writeNotice(String id, String titleZh, String titleEn, String body, String department,
                                    String region) {
        chromium.open("/console/content/new/notice");
        chromium.type("id", id);
        chromium.type("titleZh", titleZh);
        chromium.type("titleEn", titleEn);
        chromium.type("bodyZh", body);
        chromium.type("departmentZh", department);
        chromium.type("effective", "2026-11-01");
        chromium.type("regionScope", region);
        chromium.click("save");
    }

    private static boolean isPublic() {
        chromium.open("/notices?region=429005000000");
        return isShownPublicly();
    }

    /** The public site speaks the browser's language (headless Chromium says en-US), so either title counts. */
    private static boolean isShownPublicly() {
        String page = chromium.text();
        return page.contains("霜冻预警（浏览器测试）") || page.contains("Frost warning (browser test)");
    }
}
