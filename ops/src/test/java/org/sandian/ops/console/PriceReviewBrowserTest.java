package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.audit.AuditRecord;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.Editor;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.Price;
import org.sandian.content.model.Status;
import org.sandian.content.store.ContentStores;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/**
 * Reported prices approved in bulk in headless Chromium: the reviewer of a city sees only his
 * region's prices in review, "select all on this page" ticks them, one post publishes the ticked
 * ones with an audit record each; a price of another county cannot be slipped into the post.
 */
class PriceReviewBrowserTest {

    /** An old date: publishing it does not change any market's latest price for the other tests. */
    static final LocalDate DAY = LocalDate.of(2020, 1, 15);
    static final String YICHANG_MARKET = "yichang-jinqiao";
    static Chromium chromium;
    static ContentDesk desk;
    static AuditLog audit;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        SharedHub.officer("pr-reviewer-yc", Role.REVIEWER, "420500000000");
        SharedHub.officer("pr-reporter-hb", Role.REPORTER, "420000000000");
        audit = new AuditLog(SharedHub.get().store(), Clock.systemUTC());
        desk = new ContentDesk(new ContentStores(SharedHub.get().store()), audit, Clock.systemUTC(), false, k -> { });
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void selectAllOnThePageApprovesTheTickedPricesOfTheRegionEachAudited() throws Exception {
        String rice = report("101", YICHANG_MARKET, "2.70");
        String milled = report("102", YICHANG_MARKET, "5.10");
        String maize = report("104", YICHANG_MARKET, "2.30");
        String qianjiang = report("104", "qianjiang-longxia", "2.25");

        chromium.signIn("pr-reviewer-yc", SharedHub.PASSWORD);
        chromium.open("/console/prices/review");
        for (String id : List.of(rice, milled, maize)) {
            assertFalse(checkbox(id).isSelected(), "nothing ticked before 'select all'");
        }
        assertTrue(chromium.browser.findElements(By.id("pick-" + qianjiang)).isEmpty(), "another county's price is not shown");

        chromium.click("select-all");
        for (String id : List.of(rice, milled, maize)) assertTrue(checkbox(id).isSelected(), id + " ticked");
        checkbox(milled).click(); // the reviewer keeps one back
        chromium.shot("price-review");
        chromium.click("approve-selected");
        assertTrue(chromium.text("flash").matches("\\d+ prices? published.*"), chromium.text("flash"));

        assertEquals(Status.PUBLISHED, desk.latest(ContentKind.PRICE, rice).status());
        assertEquals(Status.PUBLISHED, desk.latest(ContentKind.PRICE, maize).status());
        assertEquals(Status.IN_REVIEW, desk.latest(ContentKind.PRICE, milled).status(), "unticked: still in review");
        assertEquals("pr-reviewer-yc", desk.latest(ContentKind.PRICE, rice).reviewer());
        List<String> audited = audit.find("pr-reviewer-yc", "content.publish", null, null, 100).stream()
                .map(AuditRecord::target).toList();
        assertTrue(audited.contains("price:" + rice) && audited.contains("price:" + maize), audited.toString());
        assertFalse(audited.contains("price:" + milled), audited.toString());
        assertTrue(chromium.browser.findElements(By.id("pick-" + rice)).isEmpty(), "published prices leave the list");
        assertFalse(chromium.browser.findElements(By.id("pick-" + milled)).isEmpty(), "the one kept back stays");

        // a post naming another county's price (not on his page) is refused by the desk, region by region
        ConsoleClient forged = new ConsoleClient();
        forged.login("pr-reviewer-yc", SharedHub.PASSWORD);
        forged.get("/console/prices/review");
        String flash = forged.post("/console/prices/review", Map.of("id", qianjiang)).body();
        assertTrue(flash.contains("0 prices published") && flash.contains("beyond your region"), flash);
        assertEquals(Status.IN_REVIEW, desk.latest(ContentKind.PRICE, qianjiang).status());

        ConsoleClient reporter = new ConsoleClient();
        reporter.login("pr-reporter-hb", SharedHub.PASSWORD);
        assertEquals(403, reporter.get("/console/prices/review").statusCode(), "a reporter does not approve");
    }

    private static org.openqa.selenium.WebElement checkbox(String priceId) {
        return chromium.browser.findElement(By.id("pick-" + priceId));
    }

    /** A price as a reporter's text or an import leaves it: saved and sent for review. */
    private static String report(String commodity, String market, String avg) {
        Editor reporter = new Editor("pr-reporter-hb", "420000000000", EnumSet.of(Editor.Right.REPORT_PRICES));
        String id = Price.idOf(commodity, market, DAY);
        BigDecimal a = new BigDecimal(avg);
        desk.save(reporter, ContentKind.PRICE, new Price(id, commodity, market, DAY, a.subtract(new BigDecimal("0.1")), a,
                a.add(new BigDecimal("0.1")), "元/公斤", "test", "pr-reporter-hb", (ContentMeta) null));
        desk.submit(reporter, ContentKind.PRICE, id);
        return id;
    }
}
