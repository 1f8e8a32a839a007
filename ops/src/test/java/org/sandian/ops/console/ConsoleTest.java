package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Status;
import org.sandian.content.store.ContentStores;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** The console over real HTTP against a demo hub: sign-in, CSRF, review and region scope. */
class ConsoleTest {

    @BeforeAll
    static void officers() {
        SharedHub.officer("editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("reviewer-hb", Role.REVIEWER, "420000000000");
    }

    @Test
    void signedOutVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> r = new ConsoleClient().get("/console/content");
        assertEquals(303, r.statusCode());
        assertEquals("/console/login", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        HttpResponse<String> r = new ConsoleClient().login("editor-qj", "not-the-password");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("login-error"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        ConsoleClient c = new ConsoleClient();
        c.login("editor-qj", SharedHub.PASSWORD);
        HttpResponse<String> r = c.postRaw("/console/content/notice", Map.of("id", "n-forged", "titleZh", "伪造"));
        assertEquals(403, r.statusCode());
    }

    @Test
    void noticeIsPublishedOnlyAfterAReviewerApprovesIt() throws Exception {
        ConsoleClient editor = new ConsoleClient();
        assertTrue(editor.login("editor-qj", SharedHub.PASSWORD).body().contains("editor-qj"));
        editor.get("/console/content/new/notice");
        HttpResponse<String> saved = editor.post("/console/content/notice", Map.of(
                "id", "n-console-flood", "titleZh", "防汛<紧急>通知", "titleEn", "Flood alert",
                "bodyZh", "请做好防汛准备。", "departmentZh", "潜江市农业农村局",
                "effective", "2026-11-01", "regionScope", "429005000000"));
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("防汛&lt;紧急&gt;通知"), "officers' text is escaped");
        editor.post("/console/content/notice/n-console-flood/submit", Map.of());

        ContentStores stores = new ContentStores(SharedHub.get().store());
        assertEquals(null, stores.notices().find(new org.bson.Document("_id", "n-console-flood")).first());

        ConsoleClient reviewer = new ConsoleClient();
        reviewer.login("reviewer-hb", SharedHub.PASSWORD);
        assertTrue(reviewer.get("/console/").body().contains("n-console-flood"), "waiting in the reviewer's list");
        reviewer.get("/console/content/notice/n-console-flood");
        HttpResponse<String> approved = reviewer.post("/console/content/notice/n-console-flood/approve", Map.of());
        assertTrue(approved.body().contains("id=\"live-status\">PUBLISHED"), approved.body());
        Notice live = stores.notices().find(new org.bson.Document("_id", "n-console-flood")).first();
        assertEquals(Status.PUBLISHED, live.meta().status());
    }

    @Test
    void anEditorCannotPublishBeyondHisCounty() throws Exception {
        ConsoleClient editor = new ConsoleClient();
        editor.login("editor-qj", SharedHub.PASSWORD);
        editor.get("/console/content/new/notice");
        HttpResponse<String> r = editor.post("/console/content/notice", Map.of(
                "id", "n-hunan", "titleZh", "湖南通知", "bodyZh", "正文", "departmentZh", "长沙",
                "effective", "2026-11-01", "regionScope", "430100000000"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("beyond your region"), r.body());
        assertTrue(r.body().contains("湖南通知"), "the officer's input is shown again");
    }

    @Test
    void badFormInputIsShownAgainWithEveryProblem() throws Exception {
        ConsoleClient editor = new ConsoleClient();
        editor.login("editor-qj", SharedHub.PASSWORD);
        editor.get("/console/content/new/notice");
        HttpResponse<String> r = editor.post("/console/content/notice", Map.of(
                "id", "Bad Id!", "titleZh", "", "effective", "yesterday", "regionScope", "42"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("form-errors"));
        assertTrue(r.body().contains("Bad Id!"));
        assertFalse(r.body().contains("saved version"));
    }

    @Test
    void auditPageListsSignInsAndPublications() throws Exception {
        ConsoleClient reviewer = new ConsoleClient();
        reviewer.login("reviewer-hb", SharedHub.PASSWORD);
        HttpResponse<String> r = reviewer.get("/console/audit?action=login");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("reviewer-hb"));
    }

    @Test
    void anOfficerCannotReadDraftsOfAnotherRegion() throws Exception {
        SharedHub.officer("editor-cs", Role.EDITOR, "430100000000");
        ConsoleClient hunan = new ConsoleClient();
        hunan.login("editor-cs", SharedHub.PASSWORD);
        hunan.get("/console/content/new/notice");
        hunan.post("/console/content/notice", Map.of("id", "n-changsha-draft", "titleZh", "长沙草稿",
                "bodyZh", "内部草稿", "departmentZh", "长沙市农业农村局", "effective", "2026-11-01",
                "regionScope", "430100000000"));
        ConsoleClient qianjiang = new ConsoleClient();
        qianjiang.login("editor-qj", SharedHub.PASSWORD);
        HttpResponse<String> r = qianjiang.get("/console/content/notice/n-changsha-draft");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("内部草稿"));
        assertEquals(404, qianjiang.get("/console/content/notice/n-changsha-draft/edit").statusCode());
    }

    @Test
    void languageSwitchNeverRedirectsToAnotherSite() {
        assertEquals("/console/x", ConsoleRoutes.consolePathOf("https://evil.example/console/x"), "our path, never their host");
        assertEquals("/console/content", ConsoleRoutes.consolePathOf("http://127.0.0.1:8080/console/content"));
        assertEquals("/console/", ConsoleRoutes.consolePathOf("not a uri"));
    }
}
