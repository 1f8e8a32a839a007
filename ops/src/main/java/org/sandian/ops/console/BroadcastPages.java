package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sandian.channels.voice.speech.SharedSounds;
import org.sandian.broadcast.audience.AudienceSize;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastException;
import org.sandian.broadcast.core.BroadcastService;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.EntryState;
import org.sandian.broadcast.outbox.Occurrence;
import org.sandian.broadcast.outbox.OutboxReports;
import org.sandian.broadcast.outbox.Progress;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.ops.auth.Officer;

/**
 * The broadcast composer on the broadcast module's service: audience with a count (a submit
 * button re-renders the form, no script), text per language with parts and cost, schedule; then
 * submit, approval by a second person, a self-refreshing progress page and the delivery report.
 * The service records every action in the audit log ("broadcast.create", "broadcast.approve"...).
 * A voice broadcast may carry a recorded message per language (a WAV upload, converted for Asterisk
 * by the voice channel), which calls play instead of speaking that language's text.
 */
final class BroadcastPages implements ConsolePage {

    private final Vertx vertx;
    private final BroadcastEngine engine;
    private final View view;
    private final ZoneId zone;
    private final Clock clock;
    /** The voice channel's sounds, where recordings are played from (any hub's); null without a voice channel. */
    private final SharedSounds shared;
    private final SoundFiles sounds;

    BroadcastPages(Vertx vertx, BroadcastEngine engine, View view, ZoneId zone, Clock clock, SharedSounds shared) {
        this.shared = shared;
        this.sounds = shared == null ? null : new SoundFiles(shared.dir());
        this.vertx = vertx;
        this.engine = engine;
        this.view = view;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void mount(Router r) {
        r.get("/broadcasts").handler(this::list);
        r.get("/broadcasts/new").handler(this::newForm);
        r.post("/broadcasts/new").handler(ctx -> compose(ctx, null));
        r.get("/broadcasts/:id").handler(this::show);
        r.get("/broadcasts/:id/edit").handler(this::editForm);
        r.get("/broadcasts/:id/recordings/:lang").handler(this::recording);
        r.post("/broadcasts/:id/edit").handler(ctx -> compose(ctx, ctx.pathParam("id")));
        r.post("/broadcasts/:id/:action").handler(this::act);
        r.get("/broadcasts/:id/occurrences/:n").handler(this::progress);
        r.get("/broadcasts/:id/occurrences/:n/report.csv").handler(this::report);
    }

    private BroadcastService service() {
        return engine.service();
    }

    private void list(RoutingContext ctx) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        blocking(ctx, () -> service().list(o).stream().sorted(Comparator.comparing(Broadcast::createdAt).reversed())
                .limit(200).toList(), list -> {
                    JsonArray rows = new JsonArray();
                    for (Broadcast b : list) rows.add(summary(b));
                    view.render(ctx, "broadcasts", new JsonObject().put("broadcasts", rows));
                });
    }

    private void newForm(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        view.render(ctx, "broadcast-form", formModel(null, BroadcastForm.blank(officer.regionCode()), new JsonObject()));
    }

    /** A draft, or a broadcast a reviewer sent back (it is a draft again), opened in the composer. */
    private void editForm(RoutingContext ctx) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        String id = ctx.pathParam("id");
        blocking(ctx, () -> {
            Broadcast b = service().find(o, id);
            if (b.state() != BroadcastState.DRAFT) {
                throw new BroadcastException(BroadcastException.Kind.CONFLICT, "broadcast " + id + " is " + b.state()
                        + ": only a draft or a broadcast sent back can be edited");
            }
            return b;
        }, b -> view.render(ctx, "broadcast-form", formModel(b, BroadcastForm.valuesOf(b, zone), new JsonObject())));
    }

    private JsonObject formModel(Broadcast editing, JsonObject values, JsonObject errors) {
        JsonObject m = new JsonObject().put("values", values).put("errors", errors).put("zone", zone.getId())
                .put("formAction", editing == null ? "/console/broadcasts/new" : "/console/broadcasts/" + editing.id() + "/edit");
        if (editing != null) m.put("editing", editing.id()).put("sentBack", editing.note() == null ? "" : editing.note());
        return m;
    }

    /** What a composer post did: saved a broadcast, or counted the audience of the one being edited (or a new one). */
    private record Composed(Broadcast saved, Broadcast editing, AudienceSize size) {
    }

    /**
     * "count" re-renders the form with the audience counted and the cost; "save" creates the draft,
     * or, with {@code existing}, saves the draft's new content (the service audits it as broadcast.edit).
     * Problems re-show the form as typed.
     */
    private void compose(RoutingContext ctx, String existing) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        BroadcastForm form = BroadcastForm.read(ctx.request().formAttributes(), zone);
        boolean save = "save".equals(ctx.request().getFormAttribute("action"));
        java.util.List<FileUpload> uploads = ctx.fileUploads();
        vertx.executeBlocking(() -> {
            Broadcast editing = existing == null ? null : service().find(o, existing);
            attachRecordings(o, uploads, form);
            if (save && form.draft() != null) {
                Broadcast saved = editing == null ? service().create(o, form.draft()) : service().edit(o, existing, form.draft());
                return new Composed(saved, editing, null);
            }
            if (form.audienceOrNull() != null && !form.audienceOrNull().isWithin(o.scope())) {
                form.errors.put("regions", "the audience must lie within your area " + o.regionCode());
                return new Composed(null, editing, null);
            }
            return new Composed(null, editing, form.audienceOrNull() == null ? null
                    : engine.audiences().count(form.audienceOrNull(), countedOn(form.channels())));
        }, false).onComplete(done -> {
            if (done.succeeded() && done.result().saved() != null) {
                Broadcast b = done.result().saved();
                ConsoleSession.flash(ctx, "broadcast " + b.id() + (existing == null ? " saved as a draft" : " changed"));
                ConsoleRoutes.redirect(ctx, "/console/broadcasts/" + b.id());
                return;
            }
            int status = 200;
            if (done.failed()) {
                if (!(done.cause() instanceof BroadcastException e)) {
                    ctx.fail(done.cause());
                    return;
                }
                form.errors.put("_", e.getMessage());
                status = e.httpStatus();
            } else if (save || !form.errors.isEmpty()) {
                status = form.errors.isEmpty() ? 200 : 400;
            }
            Composed c = done.succeeded() ? done.result() : new Composed(null, null, null);
            JsonObject m = formModel(c.editing(), form.values, new JsonObject(new java.util.HashMap<>(form.errors)));
            if (existing != null && c.editing() == null) {
                m.put("formAction", "/console/broadcasts/" + existing + "/edit").put("editing", existing);
            }
            view.render(ctx, status, "broadcast-form", m.put("counted", c.size() != null)
                    .put("estimate", SmsCost.of(texts(form), c.size(), service().options().pricePerPart())));
        });
    }

    /**
     * Stores each recording uploaded with the form (counting keeps it too, so it is not chosen twice);
     * one the voice channel refuses is a problem of its field. Blocking (conversion by sox).
     */
    private void attachRecordings(org.sandian.broadcast.core.Officer o, java.util.List<FileUpload> uploads, BroadcastForm form) {
        for (FileUpload u : uploads) {
            for (Map.Entry<Lang, String> f : BroadcastForm.FIELD_SUFFIX.entrySet()) {
                if (!u.name().equals("recordingFile" + f.getValue()) || u.size() == 0) continue;
                if (!o.mayDraft()) throw new BroadcastException(BroadcastException.Kind.FORBIDDEN, o.role() + " may not attach recordings");
                try {
                    form.attach(f.getKey(), service().recordings().store(java.nio.file.Path.of(u.uploadedFileName())));
                } catch (IllegalArgumentException e) {
                    form.refuse(f.getKey(), e.getMessage());
                }
            }
        }
    }

    /** A broadcast's recording in one language, to officers who may see the broadcast. */
    private void recording(RoutingContext ctx) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        Lang lang = Lang.parse(ctx.pathParam("lang"), null);
        vertx.executeBlocking(() -> {
            String name = lang == null ? null : service().find(o, ctx.pathParam("id")).recordings().get(lang);
            // Uploaded through another hub: fetched from the store into this one's sounds first.
            return name == null || sounds == null || !shared.ensureLocal(name)
                    ? java.util.Optional.<java.nio.file.Path>empty() : sounds.wav(name);
        }, false).onSuccess(file -> SoundFiles.send(ctx, file, "no such recording of this broadcast"))
                .onFailure(e -> refused(ctx, e));
    }

    private void show(RoutingContext ctx) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        String id = ctx.pathParam("id");
        blocking(ctx, () -> {
            Broadcast b = service().find(o, id);
            AudienceSize size = engine.audiences().count(b.audience(), countedOn(b.channels()));
            JsonObject m = new JsonObject().put("b", summary(b))
                    .put("estimate", SmsCost.of(b.texts(), size, service().options().pricePerPart()));
            JsonArray occ = new JsonArray();
            for (Occurrence x : engine.occurrences().ofBroadcast(b.id())) {
                occ.add(new JsonObject().put("n", x.n()).put("state", x.state().name()).put("fireAt", local(x.fireAt()))
                        .put("total", x.totalEntries()));
            }
            boolean author = o.name().equals(b.createdBy());
            return m.put("occurrences", occ)
                    .put("maySubmit", o.mayDraft() && b.state().name().equals("DRAFT"))
                    .put("mayEdit", o.mayDraft() && b.state() == BroadcastState.DRAFT)
                    .put("mayApprove", o.mayReview() && !author && b.state().name().equals("SUBMITTED"))
                    .put("mayCancel", o.mayDraft() && !b.state().isFinal());
        }, m -> view.render(ctx, "broadcast-show", m));
    }

    private void act(RoutingContext ctx) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        String id = ctx.pathParam("id");
        String action = ctx.pathParam("action");
        vertx.executeBlocking(() -> {
            switch (action) {
                case "submit":
                    return service().submit(o, id);
                case "approve":
                    return service().approve(o, id);
                case "reject":
                    return service().reject(o, id, ctx.request().getFormAttribute("reason"));
                case "pause":
                    return service().pause(o, id);
                case "resume":
                    return service().resume(o, id, engine.occurrences().ofBroadcast(id).stream()
                            .anyMatch(x -> x.state().isActive()));
                case "cancel":
                    return service().cancel(o, id);
                default:
                    throw new BroadcastException(BroadcastException.Kind.NOT_FOUND, "no action " + action);
            }
        }, false).onSuccess(b -> {
            ConsoleSession.flash(ctx, "broadcast " + id + ": " + b.state());
            ConsoleRoutes.redirect(ctx, "/console/broadcasts/" + id);
        }).onFailure(e -> refused(ctx, e));
    }

    private void progress(RoutingContext ctx) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        String id = ctx.pathParam("id");
        blocking(ctx, () -> {
            Broadcast b = service().find(o, id);
            int n = number(ctx);
            Progress p = new OutboxReports(engine.chunks(), engine.occurrences(), clock).progress(Occurrence.idOf(b.id(), n));
            if (p == null) throw new BroadcastException(BroadcastException.Kind.NOT_FOUND, "no occurrence " + n);
            JsonArray states = new JsonArray();
            Map<EntryState, Long> counts = new EnumMap<>(EntryState.class);
            counts.putAll(p.byState());
            long done = 0;
            for (EntryState s : EntryState.values()) {
                long c = counts.getOrDefault(s, 0L);
                if (!s.isPending() && s != EntryState.SUBMITTED) done += c;
                states.add(new JsonObject().put("state", s.name()).put("count", c));
            }
            long handed = p.total() - p.count(EntryState.QUEUED);
            int percent = p.total() == 0 ? 100 : (int) (100 * handed / p.total());
            JsonObject m = new JsonObject();
            if (p.state().isActive()) m.put("refresh", 3); // no script: the page reloads itself while sending
            return m.put("b", summary(b)).put("n", n).put("state", p.state().name())
                    .put("active", p.state().isActive()).put("total", p.total()).put("states", states)
                    .put("percent", percent).put("finished", done).put("rate", String.format("%.1f", p.rate()))
                    .put("timeLeft", p.timeLeft() == null ? "" : p.timeLeft().toSeconds() + " s");
        }, m -> view.render(ctx, "broadcast-progress", m));
    }

    private void report(RoutingContext ctx) {
        var o = ((Officer) ctx.get(Officer.CONTEXT_KEY)).forBroadcast();
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> {
            Broadcast b = service().find(o, id);
            StringWriter out = new StringWriter();
            new OutboxReports(engine.chunks(), engine.occurrences(), clock).deliveryCsv(Occurrence.idOf(b.id(), number(ctx)), out);
            return out.toString();
        }, false).onSuccess(csv -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"delivery-" + id + "-" + ctx.pathParam("n") + ".csv\"")
                .end("\uFEFF" + csv)).onFailure(e -> refused(ctx, e));
    }

    private JsonObject summary(Broadcast b) {
        JsonObject texts = new JsonObject();
        b.texts().forEach((l, t) -> texts.put(l.code(), t));
        // What a call in each language plays: the recording (with where to hear it) or the text read aloud.
        JsonArray voiceByLang = new JsonArray();
        for (Lang l : Lang.values()) {
            if (!b.texts().containsKey(l)) continue;
            boolean recorded = b.recordings().containsKey(l);
            voiceByLang.add(new JsonObject().put("lang", l.code()).put("recorded", recorded)
                    .put("url", recorded ? "/console/broadcasts/" + b.id() + "/recordings/" + l.code() : ""));
        }
        return new JsonObject().put("id", b.id()).put("title", b.title()).put("state", b.state().name())
                .put("texts", texts).put("channels", String.join(", ", b.channels().stream().map(Enum::name).sorted().toList()))
                .put("regions", String.join(", ", b.audience().regions()))
                .put("crops", String.join(", ", b.audience().crops()))
                .put("topics", String.join(", ", b.audience().topics()))
                .put("schedule", b.schedule().kind().name()).put("createdBy", b.createdBy())
                .put("quietHours", b.quietHours() == null ? "" : b.quietHours().from() + "-" + b.quietHours().to())
                .put("voice", b.channels().contains(Channel.VOICE)).put("voiceByLang", voiceByLang)
                .put("approvedBy", b.approvedBy() == null ? "" : b.approvedBy()).put("note", b.note() == null ? "" : b.note())
                .put("createdAt", local(b.createdAt())).put("nextFireAt", local(b.nextFireAt())).put("fired", b.fired());
    }

    private String local(Instant t) {
        return t == null ? "" : BroadcastForm.LOCAL.format(t.atZone(zone));
    }

    /** The per-recipient channels of a broadcast (TV and web are not counted per person); SMS when none. */
    static java.util.Set<Channel> countedOn(java.util.Set<Channel> channels) {
        java.util.Set<Channel> out = java.util.EnumSet.noneOf(Channel.class);
        for (Channel c : channels) if (c == Channel.SMS || c == Channel.VOICE) out.add(c);
        return out.isEmpty() ? java.util.EnumSet.of(Channel.SMS) : out;
    }

    private static Map<Lang, String> texts(BroadcastForm form) {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        if (!form.values.getString("textZh").isEmpty()) texts.put(Lang.ZH, form.values.getString("textZh"));
        if (!form.values.getString("textEn").isEmpty()) texts.put(Lang.EN, form.values.getString("textEn"));
        return texts;
    }

    private static int number(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw new BroadcastException(BroadcastException.Kind.NOT_FOUND, "no occurrence " + ctx.pathParam("n"));
        }
    }

    private <T> void blocking(RoutingContext ctx, Callable<T> work, java.util.function.Consumer<T> render) {
        vertx.executeBlocking(work, false).onSuccess(render::accept).onFailure(e -> refused(ctx, e));
    }

    /** A refused action is a page with the reason (a 403 here must not read like the CSRF refusal). */
    private void refused(RoutingContext ctx, Throwable e) {
        if (e instanceof BroadcastException b) {
            view.render(ctx, b.httpStatus(), "message", new JsonObject().put("message", b.getMessage()));
        } else {
            ctx.fail(e);
        }
    }
}
