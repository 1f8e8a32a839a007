package org.sandian.channels.tv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.web.testing.Http;
import org.sandian.channels.web.testing.WebHub;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.snapshot.ContentSnapshot;
import org.sandian.content.snapshot.SnapshotHolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The board, ticker and RSS feed on the demo content, with broadcasts published on the bus as the
 * broadcast module will: current items appear, expired or other regions' items do not.
 */
class TvFeedsTest {

    static final String SEEDS = "明天9点村委会发放玉米良种 <请带身份证> & 户口本";
    static WebHub hub;
    static String county;
    static String elsewhere;

    @BeforeAll
    static void start() throws Exception {
        AtomicReference<BusTvItems> items = new AtomicReference<>();
        hub = new WebHub(new WebHub.Extra() {
            @Override
            public void mount(Vertx vertx, Router root, SnapshotHolder snapshot) {
                try {
                    items.set(WebHub.await(BusTvItems.listen(vertx)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                // Mounted after the web router, as ops does: requests the web does not serve fall through.
                root.route("/*").subRouter(TvChannel.router(vertx, TvOptions.defaults("https://hub.example"),
                        snapshot, items.get(), Clock.systemUTC()));
            }
        });
        ContentSnapshot s = hub.snapshot.get();
        Market market = s.markets().iterator().next();
        county = market.regionCode();
        elsewhere = s.markets().stream().map(Market::regionCode).filter(c -> !c.substring(0, 4).equals(county.substring(0, 4)))
                .findFirst().orElseThrow();
        Instant now = Instant.now();
        publish(new TvItem("b-seeds", LocalizedText.of(SEEDS, "Maize seed handout tomorrow 9:00"), List.of(county),
                now.minusSeconds(60), now.plus(Duration.ofHours(2))));
        publish(new TvItem("b-old", LocalizedText.of("过期的广播", "expired"), List.of(), now.minusSeconds(7200),
                now.minusSeconds(60)));
        publish(new TvItem("b-elsewhere", LocalizedText.of("别的县的广播", "other county"), List.of(elsewhere),
                now.minusSeconds(60), null));
        publish(new TvItem("b-later", LocalizedText.of("明天才播的广播", "tomorrow"), List.of(),
                now.plus(Duration.ofDays(1)), null));
        long end = System.currentTimeMillis() + 5_000;
        while (items.get().current(null, Instant.now()).size() < 2 && System.currentTimeMillis() < end) Thread.sleep(10);
    }

    static void publish(TvItem item) {
        hub.vertx.eventBus().publish(TvItems.ADDRESS, item, RecordCodec.options(TvItem.class));
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    @Test
    void tickerCarriesCurrentBroadcastsPricesAndNoticesOneALine() throws Exception {
        HttpResponse<byte[]> r = new Http(hub.base()).get("/tv/ticker.txt?region=" + county);
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("content-type").orElse(""));
        List<String> lines = Http.text(r).lines().toList();
        assertEquals(SEEDS, lines.get(0), "the current broadcast for this county comes first");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("玉米 ") && l.matches(".*\\d+\\.\\d{2} .*")), "maize price");
        Notice notice = hub.snapshot.get().noticesFor(county, java.time.LocalDate.now(WebHub.ZONE)).get(0);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(notice.title().zh())), "notice in force");
        assertTrue(lines.stream().noneMatch(String::isBlank));
        assertTrue(lines.stream().noneMatch(l -> l.contains("过期") || l.contains("别的县") || l.contains("明天才播")));
    }

    @Test
    void rssParsesAndCarriesTheSameCurrentItems() throws Exception {
        Http http = new Http(hub.base());
        List<String> ticker = Http.text(http.get("/tv/ticker.txt?region=" + county + "&lang=en")).lines().toList();
        HttpResponse<byte[]> r = http.get("/tv/feed.xml?region=" + county + "&lang=en", "Accept-Encoding", "gzip");
        assertEquals("application/rss+xml; charset=utf-8", r.headers().firstValue("content-type").orElse(""));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Http.text(r).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("2.0", doc.getDocumentElement().getAttribute("version"));
        NodeList items = doc.getElementsByTagName("item");
        assertEquals(ticker.size(), items.getLength(), "one item per ticker line");
        Set<String> guids = new HashSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            guids.add(text(item, "guid"));
            assertEquals(ticker.get(i), text(item, "description"));
            ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
            assertTrue(text(item, "link").startsWith("https://hub.example/"));
        }
        assertEquals(items.getLength(), guids.size(), "guids are unique");
        assertEquals("Maize seed handout tomorrow 9:00", text((Element) items.item(0), "title"));

        Document zh = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(Http.text(http.get("/tv/feed.xml?region=" + county)).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(SEEDS, text((Element) zh.getElementsByTagName("item").item(0), "title"), "escaped, then parsed back");
    }

    @Test
    void boardTurnsItsPagesByMetaRefreshWithoutScript() throws Exception {
        Http http = new Http(hub.base());
        String first = Http.text(http.get("/tv?region=" + county));
        assertTrue(first.contains("<meta http-equiv=\"refresh\" content=\"15;url=/tv?region=" + county + "&amp;lang=zh&amp;page=1\">"),
                first);
        assertTrue(first.contains("明天9点村委会发放玉米良种 &lt;请带身份证&gt; &amp; 户口本"), "broadcast page, escaped");
        int page = 1;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<byte[]> r = http.get("/tv?region=" + county + "&page=" + page, "Accept-Encoding", "gzip");
            assertTrue(r.body().length < 14 * 1024);
            String html = Http.text(r);
            assertFalse(html.toLowerCase().contains("<script"));
            if (html.contains("今日价格")) seen.add("prices");
            if (html.contains("政务公开")) seen.add("notices");
            page++;
        }
        assertEquals(Set.of("prices", "notices"), seen, "the rotation reaches prices and notices");
        String elsewhereBoard = Http.text(http.get("/tv?region=" + elsewhere));
        assertTrue(elsewhereBoard.contains("别的县的广播") && !elsewhereBoard.contains("村委会"), "one board per region");
    }

    @Test
    void boardRendersFullScreenInChromium() throws Exception {
        java.nio.file.Path chromium = java.nio.file.Path.of("/usr/bin/chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(chromium)
                || "true".equalsIgnoreCase(System.getenv("CI")), "no /usr/bin/chromium");
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Path profile = java.nio.file.Files.createTempDirectory("sandian-tv-chromium-");
        for (String page : List.of("0", "1", "3")) {
            java.nio.file.Path shot = dir.resolve("tv-board-" + page + ".png").toAbsolutePath();
            java.nio.file.Files.deleteIfExists(shot);
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,720",
                    "--screenshot=" + shot, hub.base() + "/tv?region=" + county + "&page=" + page)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "chromium finished");
            assertTrue(java.nio.file.Files.size(shot) > 5_000, "screenshot written: " + shot);
        }
    }

    @Test
    void webPagesStillServedBesideTheBoard() throws Exception {
        assertEquals(200, new Http(hub.base()).get("/prices/104").statusCode());
        assertEquals(404, new Http(hub.base()).get("/tv/nothing").statusCode());
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
