package org.sandian.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.web.testing.Http;
import org.sandian.channels.web.testing.WebHub;
import org.sandian.content.model.Market;
import org.sandian.content.snapshot.ContentSnapshot;

/** Every public page, in both languages and with a region chosen, fits the first round trip and runs no script. */
class PublicPagesWeightTest {

    static final int LIMIT = 14 * 1024;
    static WebHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = WebHub.shared();
    }

    static List<String> publicPages() {
        ContentSnapshot s = hub.snapshot.get();
        Market market = s.markets().iterator().next();
        List<String> pages = new ArrayList<>(List.of("/", "/prices", "/prices/104", "/prices/104/" + market.id(),
                "/prices/104/" + market.id() + "?page=3", "/markets/" + market.id(), "/notices",
                "/notices/" + s.notices().get(0).id(), "/guidance", "/guidance?crop=104",
                "/guidance/" + s.guidance().get(0).id(), "/search", "/search?q=yumu",
                "/search?q=" + URLEncoder.encode("苞谷", StandardCharsets.UTF_8), "/search?q=xyzzy", "/region",
                "/services", "/services/subscribe", "/services/unsubscribe", "/services/ask", "/services/status"));
        s.notices().forEach(n -> pages.add("/notices/" + n.id()));
        s.commodities().forEach(c -> pages.add("/prices/" + c.code()));
        s.markets().forEach(m -> pages.add("/markets/" + m.id()));
        s.guidance().forEach(g -> pages.add("/guidance/" + g.id()));
        return pages;
    }

    @Test
    void everyPublicPageIsUnder14KbGzippedAndHasNoScript() throws Exception {
        String county = hub.snapshot.get().markets().iterator().next().regionCode();
        int largest = 0;
        String largestPath = "";
        for (String lang : List.of("zh", "en")) {
            for (String region : new String[] {null, county}) {
                Http http = new Http(hub.base());
                http.cookies.put("sd_lang", lang);
                if (region != null) http.cookies.put("sd_region", region);
                for (String path : publicPages()) {
                    HttpResponse<byte[]> r = http.get(path, "Accept-Encoding", "gzip");
                    assertEquals(200, r.statusCode(), path);
                    assertEquals("gzip", r.headers().firstValue("content-encoding").orElse(""), path);
                    int headers = r.headers().map().entrySet().stream()
                            .mapToInt(e -> e.getValue().stream().mapToInt(v -> e.getKey().length() + v.length() + 4).sum())
                            .sum();
                    int wire = r.body().length + headers + 20;
                    assertTrue(wire <= LIMIT, path + " (" + lang + ") is " + wire + " bytes on the wire");
                    if (wire > largest) {
                        largest = wire;
                        largestPath = path + " (" + lang + ")";
                    }
                    String html = Http.text(r);
                    assertFalse(html.toLowerCase().contains("<script"), path + " contains a script");
                    assertFalse(html.contains("${"), path + " shows template syntax");
                    assertTrue(html.startsWith("<!DOCTYPE html>"), path);
                }
            }
        }
        System.out.println("largest public page on the wire: " + largestPath + " " + largest + " bytes");
    }

    @Test
    void repeatVisitGets304() throws Exception {
        Http http = new Http(hub.base());
        for (String path : List.of("/", "/prices/104", "/notices")) {
            HttpResponse<byte[]> first = http.get(path, "Accept-Encoding", "gzip");
            String etag = first.headers().firstValue("etag").orElseThrow();
            assertTrue(first.headers().firstValue("cache-control").orElse("").contains("no-cache"));
            HttpResponse<byte[]> again = http.get(path, "Accept-Encoding", "gzip", "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals(0, again.body().length);
        }
    }

    @Test
    void pagesWorkWithoutGzipToo() throws Exception {
        HttpResponse<byte[]> r = new Http(hub.base()).get("/prices/104");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-encoding").isEmpty());
        assertTrue(Http.text(r).contains("玉米"));
    }

    @Test
    void unknownCommodityIsAPolite404() throws Exception {
        HttpResponse<byte[]> r = new Http(hub.base()).get("/prices/nope");
        assertEquals(404, r.statusCode());
        assertTrue(Http.text(r).contains("页面不存在"));
    }
}
