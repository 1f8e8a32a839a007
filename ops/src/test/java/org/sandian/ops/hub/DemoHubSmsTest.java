package org.sandian.ops.hub;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.ops.testing.SharedHub;

/** The assembled demo hub answers SMS end to end: simulator -> SMPP -> dialogue -> answer engine -> SMPP. */
class DemoHubSmsTest {

    static final String SUBMITTED_COUNTED = "(?s).*sandian_mt_total\\{[^}]*state=\"submitted\"[^}]*\\} [1-9].*";

    @Test
    void aFarmerTextingPriceOfMaizeGetsMaizePricesBack() throws Exception {
        SmscSimulator sim = SharedHub.get().demoSmsc();
        assertNotNull(sim, "the demo hub runs its own SMSC simulator");
        List<SimMessage> replies = new CopyOnWriteArrayList<>();
        sim.onMessage(m -> {
            if (m.to().equals("+8613800000777") || m.to().endsWith("13800000777")) replies.add(m);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sim.boundSessions() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
        sim.injectMo("8613800000777", "12316", "价格玉米", 8);
        while (replies.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(!replies.isEmpty(), "a reply reached the simulator");
        assertTrue(replies.get(0).text().contains("玉米"), replies.get(0).text());
        assertTrue(replies.get(0).text().contains("元"), replies.get(0).text());

        // The MT is counted SUBMITTED once its submit result is stored, a moment after the handset has it.
        String metrics = "";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            metrics = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(SharedHub.url("/metrics"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (metrics.matches(SUBMITTED_COUNTED)) break;
            Thread.sleep(100);
        }
        String sandian = metrics.lines().filter(l -> l.startsWith("sandian_m") && !l.contains("_bucket"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(metrics.matches("(?s).*sandian_mo_total\\{[^}]*channel=\"sms\"[^}]*\\} [1-9].*"),
                "MO counted on /metrics: " + sandian);
        assertTrue(metrics.matches(SUBMITTED_COUNTED), "MT counted on /metrics: " + sandian);
    }
}
