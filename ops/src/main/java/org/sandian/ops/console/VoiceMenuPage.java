package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.sandian.channels.voice.VoiceAddresses;
import org.sandian.channels.voice.VoiceChannel;
import org.sandian.channels.voice.menu.MenuException;
import org.sandian.channels.voice.menu.MenuStore;
import org.sandian.channels.voice.menu.VoiceMenu;
import org.sandian.content.audit.AuditLog;
import org.sandian.ops.auth.Officer;
import org.sandian.ops.auth.Role;

/**
 * The hotline menu as officers edit it (admins and editors): the stored JSON in a text area, checked
 * by the menu validator before it is kept, each save a new version, taken by the running hotline at
 * once ({@link VoiceAddresses#MENU_CHANGED}) and written to the audit trail.
 */
final class VoiceMenuPage implements ConsolePage {

    private static final int VERSIONS_SHOWN = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Vertx vertx;
    private final VoiceChannel voice;
    private final MenuStore menus;
    private final AuditLog audit;
    private final View view;
    private final ZoneId zone;
    private final Clock clock;

    VoiceMenuPage(Vertx vertx, VoiceChannel voice, MenuStore menus, AuditLog audit, View view, ZoneId zone, Clock clock) {
        this.vertx = vertx;
        this.voice = voice;
        this.menus = menus;
        this.audit = audit;
        this.view = view;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void mount(Router r) {
        r.get("/voice-menu").handler(this::page);
        r.post("/voice-menu").handler(this::save);
    }

    private boolean allowed(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        if (officer.is(Role.EDITOR)) return true;
        view.render(ctx, 403, "message", new JsonObject().put("message", "only admins and editors may change the hotline menu"));
        return false;
    }

    private void page(RoutingContext ctx) {
        if (!allowed(ctx)) return;
        Integer version = number(ctx.request().getParam("version"));
        vertx.executeBlocking(() -> {
            String json = menus.json(voice.menuName(), version);
            JsonObject m = model();
            if (json == null) return m.put("missing", true);
            int shown = version != null ? version : m.getInteger("newest");
            return m.put("json", json).put("shown", shown).put("base", m.getInteger("newest"));
        }, false).onComplete(m -> {
            if (m.failed()) ctx.fail(m.cause());
            else view.render(ctx, m.result().containsKey("missing") ? 404 : 200, "voice-menu", m.result());
        });
    }

    private void save(RoutingContext ctx) {
        if (!allowed(ctx)) return;
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        String json = ctx.request().getFormAttribute("menu");
        Integer edited = number(ctx.request().getFormAttribute("base"));
        vertx.executeBlocking(() -> {
            JsonObject m = model();
            Integer newest = m.getInteger("newest");
            Integer base = edited;
            List<String> problems = problems(json);
            if (problems.isEmpty() && (base == null || !base.equals(newest))) {
                // Saving again after this page is a knowing overwrite of the newest version.
                problems = List.of("version " + newest + " was saved after the one you edited (" + base
                        + "): your text is kept below; compare it with version " + newest + " and save again");
                base = newest;
            }
            if (!problems.isEmpty()) return m.put("problems", new JsonArray(problems)).put("json", json).put("base", base);
            VoiceMenu saved;
            try {
                saved = menus.save(json, officer.name(), clock.instant());
            } catch (MenuException e) {
                return m.put("problems", new JsonArray(e.problems())).put("json", json).put("base", base);
            } catch (com.mongodb.MongoWriteException e) {
                // The version is part of _id: another officer's save took this number a moment ago.
                return m.put("problems", new JsonArray(List.of("another officer saved a version at the same moment: "
                        + "open the newest version and save again"))).put("json", json).put("base", base);
            }
            audit.record(officer.name(), "voice-menu-save", "voice-menu:" + saved.name(), officer.regionCode(),
                    "version " + newest, "version " + saved.version() + " (" + saved.nodes().size() + " nodes)");
            return new JsonObject().put("saved", saved.version());
        }, false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            JsonObject m = done.result();
            if (m.containsKey("problems")) {
                view.render(ctx, 400, "voice-menu", m);
                return;
            }
            vertx.eventBus().publish(VoiceAddresses.MENU_CHANGED, null);
            ConsoleSession.flash(ctx, "voice menu version " + m.getInteger("saved") + " saved; the hotline takes it now");
            ConsoleRoutes.redirect(ctx, "/console/voice-menu");
        });
    }

    /** What stops a save before the validator runs: no text, not JSON, another menu's name. */
    private List<String> problems(String json) {
        if (json == null || json.isBlank()) return List.of("the menu is empty");
        VoiceMenu parsed;
        try {
            parsed = MenuStore.parse(json);
        } catch (MenuException e) {
            return e.problems();
        }
        if (!voice.menuName().equals(parsed.name())) {
            return List.of("the menu's name must stay \"" + voice.menuName() + "\" (the hotline walks that menu)");
        }
        return List.of();
    }

    /** The versions list and which one the hotline uses. Blocking (store). */
    private JsonObject model() {
        JsonArray versions = new JsonArray();
        List<MenuStore.Version> stored = menus.versions(voice.menuName(), VERSIONS_SHOWN);
        for (MenuStore.Version v : stored) {
            JsonObject row = new JsonObject().put("version", v.version()).put("by", v.savedBy() == null ? "" : v.savedBy())
                    .put("at", v.savedAt() == null ? "" : TIME.format(v.savedAt().atZone(zone)));
            versions.add(row);
        }
        return new JsonObject().put("versions", versions).put("inForce", voice.health().menuVersion())
                .put("newest", stored.isEmpty() ? 0 : stored.get(0).version()).put("name", voice.menuName());
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
