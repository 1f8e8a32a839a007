package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.time.Clock;
import java.time.ZoneId;
import org.sandian.channels.voice.speech.BroadcastRecordings;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.model.Lang;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.store.ContentStores;
import org.sandian.ops.auth.LoginResult;
import org.sandian.ops.auth.Logins;
import org.sandian.ops.auth.Officer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officers' console under {@code /console}: one route table, each route a small handler.
 * Sessions (HttpOnly, SameSite=Strict cookies) and CSRF tokens guard every form; every page but the
 * login page needs a signed-in officer.
 */
public final class ConsoleRoutes {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    /** A form with a recorded message in each language (the voice channel refuses one over its own limit). */
    static final long BODY_LIMIT = 2 * BroadcastRecordings.MAX_BYTES + 2 * 1024 * 1024;

    private final Vertx vertx;
    private final Logins logins;
    private final View view;
    private final ContentPages content;
    private final AuditPage audit;
    private final QuestionsPage questions;
    private final java.util.List<ConsolePage> pages;
    private final String csrfSecret;

    ConsoleRoutes(Vertx vertx, Logins logins, View view, ContentPages content, AuditPage audit, QuestionsPage questions,
                  String csrfSecret, java.util.List<ConsolePage> pages) {
        this.pages = pages;
        this.vertx = vertx;
        this.questions = questions;
        this.logins = logins;
        this.view = view;
        this.content = content;
        this.audit = audit;
        this.csrfSecret = csrfSecret;
    }

    public static ConsoleRoutes create(Vertx vertx, Logins logins, View view, ContentDesk desk, ContentStores stores,
                                       QuestionStore questionStore, AuditLog auditLog, ZoneId zone, Clock clock,
                                       String csrfSecret, org.sandian.broadcast.outbox.BroadcastEngine broadcasts,
                                       org.sandian.channels.sms.sim.SmscSimulator demoSmsc,
                                       java.util.function.Supplier<org.sandian.content.snapshot.ContentSnapshot> snapshot,
                                       org.sandian.channels.tv.TvOptions tv,
                                       org.sandian.channels.web.WebOptions web,
                                       org.sandian.channels.voice.VoiceChannel voice) {
        return new ConsoleRoutes(vertx, logins, view, new ContentPages(vertx, desk, stores, view),
                new AuditPage(vertx, auditLog, view, zone),
                new QuestionsPage(vertx, questionStore, auditLog, view, zone, clock,
                        voice == null ? null : voice.sharedSounds(), new AnswerCall(vertx, voice)), csrfSecret,
                java.util.List.of(new BroadcastPages(vertx, broadcasts, view, zone, clock,
                        voice == null ? null : voice.sharedSounds()),
                        new PriceImportPages(vertx, desk, stores, view, clock),
                        new PriceReviewPage(vertx, desk, view, snapshot),
                        new DashboardPage(vertx, stores.store(), broadcasts, view, zone, clock),
                        new ContentPreviewPage(vertx, desk, view, snapshot, tv, web, clock),
                        new PhoneSimulatorPage(demoSmsc, voice == null ? null : new HotlineKeypad(vertx, voice), view),
                        voice == null ? r -> { } : new VoiceMenuPage(vertx, voice,
                                new org.sandian.channels.voice.menu.MenuStore(stores.store()), auditLog, view, zone, clock)));
    }

    /** {@code uploads}: where CSV uploads wait while a form is handled (under the hub's data dir). */
    public Router router(java.nio.file.Path uploads) {
        Router r = Router.router(vertx);
        // In a cluster any hub may serve an officer's next request: keep sessions in the cluster.
        SessionStore sessions = vertx.isClustered() ? ClusteredSessionStore.create(vertx) : LocalSessionStore.create(vertx);
        r.route().handler(SessionHandler.create(sessions).setCookieHttpOnlyFlag(true)
                .setCookieSameSite(io.vertx.core.http.CookieSameSite.STRICT).setSessionCookiePath("/console"));
        r.route().handler(BodyHandler.create(uploads.toString()).setBodyLimit(BODY_LIMIT).setDeleteUploadedFilesOnEnd(true));
        r.route().handler(CSRFHandler.create(vertx, csrfSecret).setCookiePath("/console"));
        r.route().failureHandler(this::failure);

        r.get("/login").handler(this::loginPage);
        r.post("/login").handler(this::login);
        r.get("/lang/:lang").handler(this::switchLang);
        r.route().handler(this::requireOfficer);
        r.post("/logout").handler(this::logout);
        r.get("/").handler(this::home);
        content.mount(r);
        audit.mount(r);
        questions.mount(r);
        pages.forEach(p -> p.mount(r));
        return r;
    }

    private void loginPage(RoutingContext ctx) {
        view.render(ctx, "login", new JsonObject());
    }

    private void login(RoutingContext ctx) {
        String name = ctx.request().getFormAttribute("name");
        String password = ctx.request().getFormAttribute("password");
        String from = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        vertx.executeBlocking(() -> logins.login(name, password, from), false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            LoginResult result = done.result();
            switch (result.outcome()) {
                case OK -> {
                    ConsoleSession.signIn(ctx, result.officer());
                    redirect(ctx, "/console/");
                }
                case LOCKED -> view.render(ctx, 429, "login", new JsonObject().put("name", name).put("error", "locked"));
                default -> view.render(ctx, 401, "login", new JsonObject().put("name", name).put("error", "refused"));
            }
        });
    }

    private void switchLang(RoutingContext ctx) {
        ConsoleSession.setLang(ctx, Lang.parse(ctx.pathParam("lang"), Lang.ZH));
        String back = ctx.request().getHeader("Referer");
        redirect(ctx, consolePathOf(back));
    }

    private void requireOfficer(RoutingContext ctx) {
        Officer officer = ConsoleSession.officer(ctx);
        if (officer == null) {
            redirect(ctx, "/console/login");
            return;
        }
        ctx.put(Officer.CONTEXT_KEY, officer);
        ctx.next();
    }

    private void logout(RoutingContext ctx) {
        ConsoleSession.signOut(ctx);
        redirect(ctx, "/console/login");
    }

    private void home(RoutingContext ctx) {
        content.home(ctx);
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) log.error("console {} {} failed", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
        if (status == 413) {
            ctx.response().setStatusCode(413).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("413: the upload is too large: at most " + BroadcastRecordings.MAX_BYTES / 1048576
                            + " MB a file. Go back and choose a smaller file. / 上传文件过大，请返回并选择较小的文件。");
            return;
        }
        if (status == 403) {
            // the CSRF handler refuses forms without a valid token
            ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("403: this form has expired or did not come from the console. Go back, reload and try again.");
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(status + ": something went wrong; it has been logged.");
    }

    /** Only a path of our own console, never another host (no open redirect through Referer). */
    static String consolePathOf(String referer) {
        try {
            String path = referer == null ? null : java.net.URI.create(referer).getRawPath();
            return path != null && path.startsWith("/console/") ? path : "/console/";
        } catch (IllegalArgumentException e) {
            return "/console/";
        }
    }

    static void redirect(RoutingContext ctx, String to) {
        ctx.response().setStatusCode(303).putHeader("Location", to).end();
    }
}
