package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.Editor;
import org.sandian.content.editing.EditRefused;
import org.sandian.content.store.ContentStores;
import org.sandian.ops.auth.Officer;
import org.sandian.ops.auth.Role;

/**
 * Price import: a CSV upload is checked row by row and previewed; on confirm the valid rows are
 * saved through the editing desk and sent for review (whoever imports, a second person publishes
 * them, as for prices texted by reporters), in the background while a page refreshes with the
 * progress. Jobs live in memory for an hour.
 */
final class PriceImportPages implements ConsolePage {

    private static final Duration KEEP = Duration.ofHours(1);

    private final Vertx vertx;
    private final ContentDesk desk;
    private final ContentStores stores;
    private final View view;
    private final Clock clock;
    private final Map<String, PriceImportJob> jobs = new ConcurrentHashMap<>();

    PriceImportPages(Vertx vertx, ContentDesk desk, ContentStores stores, View view, Clock clock) {
        this.vertx = vertx;
        this.desk = desk;
        this.stores = stores;
        this.view = view;
        this.clock = clock;
    }

    @Override
    public void mount(Router r) {
        r.get("/prices/import").handler(ctx -> view.render(ctx, "price-upload", new JsonObject()));
        r.post("/prices/import").handler(this::upload);
        r.get("/prices/import/:job").handler(this::show);
        r.post("/prices/import/:job/confirm").handler(this::confirm);
    }

    private void upload(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        if (!officer.is(Role.EDITOR, Role.REPORTER)) {
            view.render(ctx, 403, "message", new JsonObject().put("message", "your role may not import prices"));
            return;
        }
        FileUpload file = ctx.fileUploads().stream().findFirst().orElse(null);
        if (file == null || file.size() == 0) {
            view.render(ctx, 400, "price-upload", new JsonObject().put("error", "choose a CSV file"));
            return;
        }
        vertx.executeBlocking(() -> {
            String csv;
            try {
                csv = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file.uploadedFileName())),
                        StandardCharsets.UTF_8);
            } finally {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file.uploadedFileName()));
            }
            forgetOld();
            PriceImportJob job = new PriceImportJob(UUID.randomUUID().toString().substring(0, 8), officer.name(),
                    clock.instant(), new PriceCsvCheck(stores).check(csv, officer.name()));
            jobs.put(job.id, job);
            return job.id;
        }, false).onSuccess(id -> ConsoleRoutes.redirect(ctx, "/console/prices/import/" + id)).onFailure(ctx::fail);
    }

    private void show(RoutingContext ctx) {
        PriceImportJob job = jobOf(ctx);
        if (job == null) return;
        JsonArray rows = new JsonArray();
        for (PriceRow r : job.rows) {
            rows.add(new JsonObject().put("line", r.line()).put("commodity", r.commodity()).put("market", r.market())
                    .put("date", r.date()).put("min", r.min()).put("avg", r.avg()).put("max", r.max())
                    .put("error", r.error() == null ? "" : r.error()).put("outcome", r.outcome() == null ? "" : r.outcome()));
        }
        JsonObject m = new JsonObject().put("job", job.id).put("state", job.state.name()).put("rows", rows)
                .put("valid", job.valid()).put("invalid", job.rows.size() - job.valid()).put("done", job.done.get())
                .put("percent", job.percent());
        if (job.state == PriceImportJob.State.RUNNING) m.put("refresh", 1); // no script: the page reloads itself
        view.render(ctx, "price-import", m);
    }

    private void confirm(RoutingContext ctx) {
        PriceImportJob job = jobOf(ctx);
        if (job == null) return;
        if (job.state == PriceImportJob.State.PREVIEW) {
            job.state = PriceImportJob.State.RUNNING;
            Editor editor = Editors.of(ctx.get(Officer.CONTEXT_KEY));
            vertx.executeBlocking(() -> {
                run(job, editor);
                return null;
            }, false);
        }
        ConsoleRoutes.redirect(ctx, "/console/prices/import/" + job.id);
    }

    private void run(PriceImportJob job, Editor editor) {
        try {
            for (int i = 0; i < job.rows.size(); i++) {
                PriceRow row = job.rows.get(i);
                if (!row.valid()) continue;
                String outcome;
                try {
                    desk.save(editor, ContentKind.PRICE, row.price());
                    desk.submit(editor, ContentKind.PRICE, row.price().id());
                    outcome = "IN_REVIEW";
                } catch (EditRefused e) {
                    outcome = "refused: " + e.getMessage();
                }
                job.rows.set(i, row.imported(outcome));
                job.done.incrementAndGet();
            }
        } finally {
            job.state = PriceImportJob.State.DONE;
        }
    }

    /** The job if it exists and belongs to the signed-in officer; else a 404 page has been sent. */
    private PriceImportJob jobOf(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        PriceImportJob job = jobs.get(ctx.pathParam("job"));
        if (job == null || !job.owner.equals(officer.name())) {
            view.render(ctx, 404, "message", new JsonObject().put("message", "no such import (imports are kept for an hour)"));
            return null;
        }
        return job;
    }

    private void forgetOld() {
        jobs.values().removeIf(j -> j.state != PriceImportJob.State.RUNNING && j.created.plus(KEEP).isBefore(clock.instant()));
    }
}
