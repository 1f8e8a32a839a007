package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** The dashboard over HTTP: SMS queries through the demo simulator show up in its SVG charts and tables, within scope. */
class DashboardTest {

    @Test
    void farmersQueriesAppearInTheChartsAndWhatWeCouldNotAnswerIsListed() throws Exception {
        SharedHub.officer("d-viewer-hb", Role.VIEWER, "420000000000");
        SharedHub.officer("d-viewer-qj", Role.VIEWER, "429005000000");
        SmscSimulator sim = SharedHub.get().demoSmsc();
        sim.injectMo("8613900003301", "12316", "价格 玉米", 8);
        sim.injectMo("8613900003302", "12316", "价格 火星土豆", 8);

        ConsoleClient province = new ConsoleClient();
        province.login("d-viewer-hb", SharedHub.PASSWORD);
        HttpResponse<String> page = null;
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            page = province.get("/console/dashboard");
            if (page.body().contains("火星土豆")) break;
            Thread.sleep(200);
        }
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("火星土豆"), "the unanswerable query is listed: " + html);
        assertTrue(html.matches("(?s).*<svg id=\"chart-channels\".*<polyline[^>]*>.*<title>SMS</title>.*"), "SMS line drawn");
        assertTrue(html.matches("(?s).*<svg id=\"chart-asked\".*玉米.*</svg>.*"), "maize among the commodities asked");
        assertTrue(html.contains("<svg id=\"chart-questions\""));
        assertTrue(html.contains("<svg id=\"chart-delivery\""));
        assertFalse(html.contains("<script"), "no script");

        ConsoleClient county = new ConsoleClient();
        county.login("d-viewer-qj", SharedHub.PASSWORD);
        assertFalse(county.get("/console/dashboard").body().contains("火星土豆"),
                "a county officer sees only queries from his county (these SMS carry no region)");
    }
}
