package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.freemarker.FreeMarkerTemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.sandian.content.model.Lang;
import org.sandian.ops.auth.Officer;

/**
 * Renders console pages: Freemarker's HTML output format escapes everything officers typed. Every
 * page gets the officer, the CSRF token for its forms, the labels in the officer's language and the
 * hub's time zone.
 */
public final class View {

    private final FreeMarkerTemplateEngine engine;
    private final Map<Lang, Map<String, String>> labels = new HashMap<>();
    private final ZoneId zone;

    public View(Vertx vertx, ZoneId zone) {
        this.engine = FreeMarkerTemplateEngine.create(vertx, "ftlh");
        this.zone = zone;
        for (Lang lang : Lang.values()) labels.put(lang, load("console/labels_" + lang.code() + ".properties"));
    }

    public void render(RoutingContext ctx, String template, JsonObject model) {
        render(ctx, 200, template, model);
    }

    public void render(RoutingContext ctx, int status, String template, JsonObject model) {
        Lang lang = ConsoleSession.lang(ctx);
        Officer officer = ConsoleSession.officer(ctx);
        model.put("t", new JsonObject(new HashMap<>(labels.get(lang))));
        model.put("lang", lang.code());
        model.put("zone", zone.getId());
        model.put("csrf", String.valueOf((Object) ctx.get("X-XSRF-TOKEN")));
        if (officer != null) {
            model.put("officer", new JsonObject().put("name", officer.name()).put("role", officer.role().key())
                    .put("region", officer.regionCode()));
        }
        String flash = ConsoleSession.takeFlash(ctx);
        if (flash != null) model.put("flash", flash);
        engine.render(model, "console/" + template).onComplete(
                html -> ctx.response().setStatusCode(status)
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("X-Frame-Options", "DENY")
                        .end(html),
                ctx::fail);
    }

    private static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = View.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new HashMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }
}
