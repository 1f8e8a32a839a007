package org.sandian.channels.web.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Header names are written capitalized: w3m matches them case-sensitively and would show a gzip
 * body as binary. Sends a {@link Page} with validators and, when the client takes it, our own gzip: the router is
 * then light on the wire whether or not the HttpServer has compression on (Netty leaves a body that
 * already has a Content-Encoding alone).
 */
public final class Responder {

    /** Pages vary by the visitor's language and region cookies: browsers revalidate, shared caches do not keep. */
    public static final String REVALIDATE = "private, no-cache";
    /** Forms carry a per-visitor token and the visitor's input. */
    public static final String NO_STORE = "no-store";

    private Responder() {
    }

    public static void send(RoutingContext ctx, Page page, String cacheControl) {
        send(ctx, 200, page, cacheControl);
    }

    public static void send(RoutingContext ctx, int status, Page page, String cacheControl) {
        HttpServerResponse res = ctx.response();
        res.putHeader("Cache-Control", cacheControl);
        res.putHeader("Vary", "Accept-Encoding, Cookie");
        res.putHeader("X-Content-Type-Options", "nosniff");
        boolean validators = status == 200 && !NO_STORE.equals(cacheControl);
        if (validators) {
            res.putHeader("ETag", page.etag());
            String inm = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
            if (inm != null && (inm.contains(page.etag()) || inm.contains("W/" + page.etag()))) {
                res.setStatusCode(304).end();
                return;
            }
        }
        res.setStatusCode(status).putHeader("Content-Type", page.contentType());
        if (acceptsGzip(ctx) && page.gzip().length < page.raw().length) {
            res.putHeader("Content-Encoding", "gzip");
            res.end(Buffer.buffer(page.gzip()));
        } else {
            res.end(Buffer.buffer(page.raw()));
        }
    }

    /** A redirect after a POST or a cookie change: the browser then GETs the page. */
    public static void seeOther(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader("Location", location)
                .putHeader("Cache-Control", NO_STORE).end();
    }

    private static boolean acceptsGzip(RoutingContext ctx) {
        String ae = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        return ae != null && ae.contains("gzip") && !ae.contains("gzip;q=0");
    }
}
