package org.sandian.ops.console;

import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.model.Price;
import org.sandian.content.model.Status;
import org.sandian.content.store.ContentStores;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** A price CSV with good and bad rows uploaded in headless Chromium: preview with per-row problems, valid rows to review. */
class PriceImportBrowserTest {

    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        SharedHub.officer("p-editor-hb", Role.EDITOR, "420000000000");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void validRowsGoToReviewAndEveryBadRowIsShownWithItsProblem() throws Exception {
        ContentStores stores = new ContentStores(SharedHub.get().store());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        BigDecimal mean = weekMean(stores, "104", "wuhan-baishazhou", today);
        String csv = "commodity,market,date,min,avg,max\n"
                + "104,wuhan-baishazhou," + today + "," + times(mean, 0.97) + "," + mean + "," + times(mean, 1.03) + "\n"
                + "Maize,武汉四季美农贸城," + today + ",2.10,2.20,2.30\n"
                + "火龙果王,wuhan-baishazhou," + today + ",1,2,3\n"
                + "玉米,nowhere-market," + today + ",1,2,3\n"
                + "玉米,wuhan-baishazhou," + today + ",1,abc,3\n"
                + "玉米,wuhan-baishazhou," + today.minusDays(1) + "," + times(mean, 5) + "," + times(mean, 5.5) + ","
                + times(mean, 6) + "\n";
        Path file = Files.createTempFile("prices-", ".csv");
        Files.writeString(file, csv);

        chromium.signIn("p-editor-hb", SharedHub.PASSWORD);
        chromium.open("/console/prices/import");
        chromium.browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        chromium.click("upload");
        assertEquals("2", chromium.text("valid"), chromium.text());
        assertEquals("4", chromium.text("invalid"));
        assertTrue(chromium.text("row-4").contains("unknown commodity"), chromium.text("row-4"));
        assertTrue(chromium.text("row-5").contains("unknown market"), chromium.text("row-5"));
        assertTrue(chromium.text("row-6").contains("bad number"), chromium.text("row-6"));
        assertTrue(chromium.text("row-7").contains("outlier"), chromium.text("row-7"));
        chromium.shot("price-preview");
        chromium.click("confirm");
        String page = chromium.browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        assertTrue(chromium.reloadUntil(page, 20, () -> chromium.text("import-state").equals("DONE")), chromium.text());
        assertEquals("2", chromium.text("done"));
        assertTrue(chromium.text("row-2").contains("IN_REVIEW") && chromium.text("row-3").contains("IN_REVIEW"), chromium.text());
        chromium.shot("price-imported");

        ContentDesk desk = new ContentDesk(stores, new AuditLog(SharedHub.get().store(), Clock.systemUTC()),
                Clock.systemUTC(), false, k -> { });
        var revision = desk.latest(ContentKind.PRICE, Price.idOf("104", "wuhan-baishazhou", today));
        assertEquals(Status.IN_REVIEW, revision.status());
        assertEquals("p-editor-hb", revision.author());
        assertEquals(Status.IN_REVIEW, desk.latest(ContentKind.PRICE, Price.idOf("104", "wuhan-sijimei", today)).status());
    }

    private static BigDecimal weekMean(ContentStores stores, String commodity, String market, LocalDate today) {
        List<String> ids = new ArrayList<>();
        for (int d = 1; d <= 7; d++) ids.add(Price.idOf(commodity, market, today.minusDays(d)));
        double sum = 0;
        int n = 0;
        for (Price p : stores.prices().find(in("_id", ids))) {
            sum += p.avg().doubleValue();
            n++;
        }
        assertTrue(n > 0, "the demo has a week of maize prices at Baishazhou");
        return BigDecimal.valueOf(sum / n).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal times(BigDecimal b, double f) {
        return b.multiply(BigDecimal.valueOf(f)).setScale(2, RoundingMode.HALF_UP);
    }
}
