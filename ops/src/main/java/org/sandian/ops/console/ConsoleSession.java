package org.sandian.ops.console;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.sandian.content.model.Lang;
import org.sandian.ops.auth.Officer;
import org.sandian.ops.auth.Role;

/** What the console keeps in an officer's session: who he is, his language, a one-time message. */
final class ConsoleSession {

    private static final String NAME = "officer.name";
    private static final String ROLE = "officer.role";
    private static final String REGION = "officer.region";
    private static final String LANG = "lang";
    private static final String FLASH = "flash";

    private ConsoleSession() {
    }

    static Officer officer(RoutingContext ctx) {
        Session s = ctx.session();
        if (s == null || s.get(NAME) == null) return null;
        return new Officer(s.get(NAME), Role.valueOf(s.get(ROLE)), s.get(REGION));
    }

    static void signIn(RoutingContext ctx, Officer officer) {
        Session s = ctx.session();
        s.regenerateId(); // no session fixation
        s.put(NAME, officer.name()).put(ROLE, officer.role().name()).put(REGION, officer.regionCode());
    }

    static void signOut(RoutingContext ctx) {
        if (ctx.session() != null) ctx.session().destroy();
    }

    static Lang lang(RoutingContext ctx) {
        Session s = ctx.session();
        String stored = s == null ? null : s.get(LANG);
        return stored == null ? Lang.ZH : Lang.valueOf(stored);
    }

    static void setLang(RoutingContext ctx, Lang lang) {
        ctx.session().put(LANG, lang.name());
    }

    static void flash(RoutingContext ctx, String message) {
        ctx.session().put(FLASH, message);
    }

    static String takeFlash(RoutingContext ctx) {
        Session s = ctx.session();
        return s == null ? null : s.remove(FLASH);
    }
}
