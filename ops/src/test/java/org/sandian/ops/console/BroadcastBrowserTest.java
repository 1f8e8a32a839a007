package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sandian.broadcast.BroadcastAddresses;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/**
 * The broadcast composer in headless Chromium: an editor composes (audience counted, parts and
 * cost shown), a reviewer approves, the demo hub sends through its SMSC simulator, the progress
 * page and the delivery report show every recipient, and the simulator counts the messages.
 */
class BroadcastBrowserTest {

    static final String TOPIC = "console-browser-broadcast";
    static final List<String> PHONES = List.of("+8613900001101", "+8613900001102", "+8613900001103");
    static final String TEXT_ZH = "【潜江农业】今晚至明晨有霜冻，请覆盖蔬菜大棚。";
    static final String TEXT_EN = "Qianjiang: frost tonight, cover the vegetable tunnels.";

    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        SharedHub.officer("bc-editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("bc-reviewer-hb", Role.REVIEWER, "420000000000");
        SubscriberStore subscribers = new SubscriberStore(SharedHub.get().store());
        Instant now = Instant.now();
        for (int i = 0; i < PHONES.size(); i++) {
            Lang lang = i == 2 ? Lang.EN : Lang.ZH;
            subscribers.save(new Subscriber(PHONES.get(i), null, lang, "429005000000", List.of("104"), List.of(TOPIC),
                    Set.of(Channel.SMS), SubscriberStatus.ACTIVE, "test", now, now, now));
            SharedHub.get().vertx().eventBus().publish(BroadcastAddresses.SUBSCRIBER_CHANGED, PHONES.get(i));
        }
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void composedApprovedAndSentBroadcastReachesEverySubscriberAtTheSimulator() throws Exception {
        SmscSimulator sim = SharedHub.get().demoSmsc();
        chromium.signIn("bc-editor-qj", SharedHub.PASSWORD);
        chromium.open("/console/broadcasts/new");
        chromium.type("title", "霜冻预警群发");
        chromium.type("topics", TOPIC);
        chromium.type("textZh", TEXT_ZH);
        chromium.type("textEn", TEXT_EN);
        assertTrue(countedUntil("3", 10), "the count button counts the three subscribers: " + chromium.text());
        assertTrue(chromium.text("parts-zh").contains("1"), chromium.text("parts-zh"));
        assertTrue(chromium.text("cost").contains("0.15"), "3 one-part SMS at 0.05: " + chromium.text("cost"));
        assertEquals(TEXT_ZH, chromium.browser.findElement(By.id("textZh")).getAttribute("value"), "kept as typed");
        chromium.shot("broadcast-counted");
        chromium.click("save");
        assertEquals("DRAFT", chromium.text("broadcast-state"));
        String page = chromium.browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        chromium.click("submit");
        assertEquals("SUBMITTED", chromium.text("broadcast-state"));
        assertTrue(chromium.browser.findElements(By.id("approve")).isEmpty(), "the author cannot approve his own");

        chromium.signIn("bc-reviewer-hb", SharedHub.PASSWORD);
        chromium.open(page);
        chromium.shot("broadcast-review");
        chromium.click("approve");
        assertEquals("bc-reviewer-hb", chromium.text("approved-by"));

        assertTrue(chromium.reloadUntil(page, 20, () -> !chromium.browser.findElements(By.id("progress-1")).isEmpty()),
                "the broadcast fired: " + chromium.text());
        chromium.click("progress-1");
        boolean refreshing = !chromium.browser.findElements(By.cssSelector("meta[http-equiv=refresh]")).isEmpty();
        assertEquals(chromium.text("occurrence-state").equals("FANNING_OUT") || chromium.text("occurrence-state").equals("SENDING"),
                refreshing, "the page refreshes itself exactly while sending");
        String progress = chromium.browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        assertTrue(chromium.reloadUntil(progress, 30, () -> chromium.text("occurrence-state").equals("DONE")),
                "sending finished: " + chromium.text());
        assertEquals("3", chromium.text("total"));
        assertEquals("0", chromium.text("count-QUEUED"));
        assertTrue(chromium.browser.findElements(By.cssSelector("meta[http-equiv=refresh]")).isEmpty(), "done: no refresh");
        chromium.shot("broadcast-progress");

        String csv = download(chromium.browser.findElement(By.id("report")).getAttribute("href"));
        for (String phone : PHONES) assertTrue(csv.contains(phone), "report lists " + phone + ": " + csv);

        assertTrue(awaitAtSimulator(sim, 15), "three messages at the simulator: " + atSimulator(sim));
        List<SimMessage> got = atSimulator(sim);
        assertEquals(3, got.size(), "each subscriber once");
        assertEquals(2, got.stream().filter(m -> m.text().equals(TEXT_ZH)).count());
        assertEquals(1, got.stream().filter(m -> m.text().equals(TEXT_EN)).count(), "the English reader gets English");

        chromium.open("/console/audit?action=broadcast.approve");
        assertTrue(chromium.text().contains("bc-reviewer-hb"), "approval audited: " + chromium.text());
    }

    @Test
    void aCountyEditorCannotAddressAnotherCounty() {
        chromium.signIn("bc-editor-qj", SharedHub.PASSWORD);
        chromium.open("/console/broadcasts/new");
        chromium.type("title", "越界群发");
        chromium.type("regions", "430100000000");
        chromium.type("textZh", "测试");
        chromium.click("count");
        assertTrue(chromium.text("error-regions").contains("within your area"), chromium.text());
        chromium.click("save");
        assertTrue(chromium.text("form-error").contains("within your area"), chromium.text());
        assertFalse(chromium.text().contains("DRAFT"));
    }

    /** Presses "count" until it shows {@code people} (the subscriber index takes the new numbers asynchronously). */
    private static boolean countedUntil(String people, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            chromium.click("count");
            String shown = chromium.text("audience-count");
            if (shown.matches(".*:\\s*" + people + " \\(SMS " + people + ",.*")) return true;
            if (System.nanoTime() > end) return false;
            Thread.sleep(200);
        }
    }

    private static List<SimMessage> atSimulator(SmscSimulator sim) {
        return sim.messages().stream().filter(m -> PHONES.stream().anyMatch(p -> p.endsWith(last11(m.to()))))
                .collect(Collectors.toList());
    }

    private static boolean awaitAtSimulator(SmscSimulator sim, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (atSimulator(sim).size() < PHONES.size() && System.nanoTime() < end) Thread.sleep(100);
        return atSimulator(sim).size() >= PHONES.size();
    }

    private static String last11(String phone) {
        return phone.length() <= 11 ? phone : phone.substring(phone.length() - 11);
    }

    /** Fetches a download with the browser's session cookie (headless Chromium saves attachments instead of showing them). */
    private static String download(String url) throws Exception {
        String cookies = chromium.browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        return r.body();
    }
}
