package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.Callable;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.EditRefused;
import org.sandian.content.editing.Editor;
import org.sandian.content.editing.LineDiff;
import org.sandian.content.editing.Revision;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Status;
import org.sandian.content.store.ContentStores;
import org.sandian.ops.auth.Officer;

/**
 * Notices and guidance: list, write, send for review, approve, send back, withdraw, and each
 * item's history with the diff between versions. The desk enforces roles and region scope; a
 * refusal is shown to the officer as it is.
 */
final class ContentPages {

    private final Vertx vertx;
    private final ContentDesk desk;
    private final ContentStores stores;
    private final View view;

    ContentPages(Vertx vertx, ContentDesk desk, ContentStores stores, View view) {
        this.vertx = vertx;
        this.desk = desk;
        this.stores = stores;
        this.view = view;
    }

    void mount(Router r) {
        r.get("/content").handler(this::list);
        r.get("/content/new/:kind").handler(this::newForm);
        r.post("/content/:kind").handler(this::save);
        r.get("/content/:kind/:id").handler(this::show);
        r.get("/content/:kind/:id/edit").handler(this::editForm);
        r.post("/content/:kind/:id/submit").handler(ctx -> act(ctx, (e, k, id) -> desk.submit(e, k, id), "submitted"));
        r.post("/content/:kind/:id/approve").handler(ctx -> act(ctx, (e, k, id) -> desk.approve(e, k, id), "published"));
        r.post("/content/:kind/:id/send-back").handler(ctx -> act(ctx,
                (e, k, id) -> desk.sendBack(e, k, id, ctx.request().getFormAttribute("note")), "sent back"));
        r.post("/content/:kind/:id/withdraw").handler(ctx -> act(ctx, (e, k, id) -> {
            desk.withdraw(e, k, id);
            return null;
        }, "withdrawn"));
    }

    /** The console's front page: what waits for this officer. */
    void home(RoutingContext ctx) {
        Editor editor = Editors.of(officer(ctx));
        blocking(ctx, () -> new JsonObject()
                .put("awaiting", revisionsModel(desk.awaitingReview(editor)))
                .put("notices", stores.notices().countDocuments())
                .put("guidance", stores.guidance().countDocuments()),
                model -> view.render(ctx, "home", model));
    }

    private void list(RoutingContext ctx) {
        Editor editor = Editors.of(officer(ctx));
        blocking(ctx, () -> {
            List<Notice> notices = stores.notices().find().batchSize(500).into(new java.util.ArrayList<>()).stream()
                    .filter(n -> editor.covers(n.regionScope()) || n.regionScope().stream()
                            .anyMatch(code -> org.sandian.content.model.RegionCode.isWithin(code, editor.regionCode())))
                    .toList();
            List<Guidance> guidance = stores.guidance().find().batchSize(500).into(new java.util.ArrayList<>());
            return new JsonObject()
                    .put("notices", Models.list(notices))
                    .put("guidance", Models.list(guidance))
                    .put("awaiting", revisionsModel(desk.awaitingReview(editor)));
        }, model -> view.render(ctx, "content-list", model));
    }

    private void newForm(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        view.render(ctx, "content-form", new JsonObject().put("kind", kind.name().toLowerCase())
                .put("values", new JsonObject()).put("errors", new JsonObject()).put("isNew", true));
    }

    private void editForm(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        String id = ctx.pathParam("id");
        blocking(ctx, () -> {
            Revision r = desk.latest(kind, id);
            if (r == null || !desk.mayRead(Editors.of(officer(ctx)), r)) {
                throw new EditRefused("no " + kind.name().toLowerCase() + " " + id + " in your region");
            }
            return FormValues.of(desk.recordOf(r));
        }, values -> view.render(ctx, "content-form", new JsonObject().put("kind", kind.name().toLowerCase())
                .put("values", values).put("errors", new JsonObject()).put("isNew", false)));
    }

    private void save(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        ContentForm form = ContentForm.from(ctx.request().formAttributes());
        Record record = form.toRecord(kind);
        if (!form.ok()) {
            reshow(ctx, kind, form);
            return;
        }
        Editor editor = Editors.of(officer(ctx));
        vertx.executeBlocking(() -> desk.save(editor, kind, record), false).onComplete(done -> {
            if (done.succeeded()) {
                ConsoleSession.flash(ctx, "saved version " + done.result().version());
                ConsoleRoutes.redirect(ctx, "/console/content/" + kind.name().toLowerCase() + "/" + done.result().docId());
            } else if (done.cause() instanceof EditRefused refused) {
                form.errors.put("_", refused.getMessage());
                reshow(ctx, kind, form);
            } else {
                ctx.fail(done.cause());
            }
        });
    }

    private void reshow(RoutingContext ctx, ContentKind kind, ContentForm form) {
        view.render(ctx, 400, "content-form", new JsonObject().put("kind", kind.name().toLowerCase())
                .put("values", new JsonObject(new java.util.HashMap<>(form.values)))
                .put("errors", new JsonObject(new java.util.HashMap<>(form.errors)))
                .put("isNew", !ctx.request().formAttributes().contains("existing")));
    }

    private void show(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        String id = ctx.pathParam("id");
        Officer officer = officer(ctx);
        blocking(ctx, () -> {
            List<Revision> history = desk.history(kind, id);
            if (history.isEmpty() || !desk.mayRead(Editors.of(officer), history.get(history.size() - 1))) {
                throw new EditRefused("no " + kind.name().toLowerCase() + " " + id + " in your region");
            }
            Revision latest = history.get(history.size() - 1);
            JsonArray diff = new JsonArray();
            String before = history.size() > 1 ? history.get(history.size() - 2).json() : "";
            for (LineDiff.Line line : LineDiff.between(before, latest.json())) {
                diff.add(new JsonObject().put("op", String.valueOf(line.op())).put("text", line.text()));
            }
            Record live = desk.liveOf(kind, id);
            return new JsonObject()
                    .put("kind", kind.name().toLowerCase()).put("id", id)
                    .put("latest", Models.of(latest))
                    .put("content", Models.of(desk.recordOf(latest)))
                    .put("history", revisionsModel(history))
                    .put("diff", diff)
                    .put("liveStatus", live == null ? "none" : kind.metaOf(live).status().name())
                    .put("canApprove", latest.status() == Status.IN_REVIEW && Editors.of(officer).may(Editor.Right.REVIEW))
                    .put("canSubmit", latest.status() == Status.DRAFT && Editors.of(officer).may(Editor.Right.WRITE));
        }, model -> view.render(ctx, "content-show", model));
    }

    private interface DeskAction {
        Object apply(Editor editor, ContentKind kind, String id);
    }

    private void act(RoutingContext ctx, DeskAction action, String done) {
        ContentKind kind = kind(ctx);
        String id = ctx.pathParam("id");
        Editor editor = Editors.of(officer(ctx));
        String page = "/console/content/" + kind.name().toLowerCase() + "/" + id;
        vertx.executeBlocking(() -> action.apply(editor, kind, id), false).onComplete(result -> {
            if (result.succeeded()) {
                ConsoleSession.flash(ctx, done);
                ConsoleRoutes.redirect(ctx, page);
            } else if (result.cause() instanceof EditRefused refused) {
                ConsoleSession.flash(ctx, refused.getMessage());
                ConsoleRoutes.redirect(ctx, page);
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    private <T> void blocking(RoutingContext ctx, Callable<T> work, java.util.function.Consumer<T> then) {
        vertx.executeBlocking(work, false).onComplete(r -> {
            if (r.succeeded()) {
                then.accept(r.result());
            } else if (r.cause() instanceof EditRefused refused) {
                view.render(ctx, 404, "message", new JsonObject().put("message", refused.getMessage()));
            } else {
                ctx.fail(r.cause());
            }
        });
    }

    private static JsonArray revisionsModel(List<Revision> revisions) {
        JsonArray out = new JsonArray();
        for (Revision r : revisions) {
            out.add(new JsonObject().put("kind", r.kind().name().toLowerCase()).put("docId", r.docId())
                    .put("version", r.version()).put("status", r.status().name()).put("author", r.author())
                    .put("reviewer", r.reviewer()).put("note", r.note()).put("at", r.at().toString()));
        }
        return out;
    }

    private static ContentKind kind(RoutingContext ctx) {
        return ContentKind.parse(ctx.pathParam("kind"));
    }

    private static Officer officer(RoutingContext ctx) {
        return ctx.get(Officer.CONTEXT_KEY);
    }
}
