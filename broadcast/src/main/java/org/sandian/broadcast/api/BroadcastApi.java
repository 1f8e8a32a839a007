package org.sandian.broadcast.api;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sandian.broadcast.BroadcastAddresses;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.audience.AudienceCounter;
import org.sandian.broadcast.audience.AudienceSize;
import org.sandian.broadcast.audience.ImportReport;
import org.sandian.broadcast.audience.SubscriberImport;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.core.BroadcastException;
import org.sandian.broadcast.core.BroadcastService;
import org.sandian.broadcast.core.Officer;
import org.sandian.broadcast.core.SmsParts;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.Occurrence;
import org.sandian.broadcast.outbox.OutboxReports;
import org.sandian.broadcast.outbox.Progress;
import org.sandian.broadcast.subscriber.InvalidPhoneNumberException;
import org.sandian.broadcast.subscriber.PhoneNumbers;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberDirectory;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.Json;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;
import org.sandian.content.store.MongoStore;

/**
 * The JSON API of subscribers, audiences and broadcasts, as a router ops mounts under
 * {@code /api/} behind its bearer-token check. The caller is read from the routing-context
 * attribute {@code "sandian.user"} ({@link Officer#adapt}); everything is limited to his region.
 *
 * <pre>
 * GET  subscribers/:phone               PUT subscribers/:phone        POST subscribers/import (text/csv)
 * POST audiences/count  {audience, channels}
 * POST recordings (a WAV file as the body) -> {"recording": name}, for a draft's "recordings": {"ZH": name}
 * GET  broadcasts       POST broadcasts (draft)    GET|PUT broadcasts/:id    GET broadcasts/:id/estimate
 * POST broadcasts/:id/submit|approve|reject|pause|resume|cancel
 * GET  broadcasts/:id/occurrences       GET broadcasts/:id/occurrences/:n/progress
 * GET  broadcasts/:id/occurrences/:n/report.csv
 * </pre>
 */
public final class BroadcastApi {

    @SuppressWarnings("deprecation")
    private static final ObjectMapper JSON = Json.MAPPER.copy()
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true); // "zh", "sms", "weekly"

    private final Vertx vertx;
    private final SubscriberStore subscribers;
    private final SubscriberImport importer;
    private final AudienceCounter counter;
    private final BroadcastService broadcasts;
    private final BroadcastEngine engine;
    private final OutboxReports reports;
    private final Clock clock;

    private BroadcastApi(Vertx vertx, MongoStore store, BroadcastEngine engine, Clock clock) {
        this.vertx = vertx;
        this.subscribers = new SubscriberStore(store);
        this.importer = new SubscriberImport(subscribers, clock);
        this.counter = engine.audiences();
        this.broadcasts = engine.service();
        this.engine = engine;
        this.reports = new OutboxReports(engine.chunks(), engine.occurrences(), clock);
        this.clock = clock;
    }

    /** The /api/ router; {@code engine} must be deployed (its service and stores are used). */
    public static Router router(Vertx vertx, MongoStore store, BroadcastEngine engine, Clock clock) {
        return new BroadcastApi(vertx, store, engine, clock).routes();
    }

    private Router routes() {
        Router r = Router.router(vertx);
        // JSON and CSV arrive as the raw body: no multipart uploads, so no upload folder is made
        r.route().handler(BodyHandler.create(false).setBodyLimit(50L * 1024 * 1024));
        r.get("/subscribers/:phone").handler(c -> blocking(c, () -> subscriber(c)));
        r.put("/subscribers/:phone").handler(c -> blocking(c, () -> saveSubscriber(c)));
        r.post("/subscribers/import").handler(c -> blocking(c, () -> importCsv(c)));
        r.post("/audiences/count").handler(c -> blocking(c, () -> countAudience(c)));
        r.post("/recordings").handler(c -> blocking(c, () -> storeRecording(c)));
        r.get("/broadcasts").handler(c -> blocking(c, () -> broadcasts.list(officer(c))));
        r.post("/broadcasts").handler(c -> blocking(c, () -> created(c, broadcasts.create(officer(c), draft(c)))));
        r.get("/broadcasts/:id").handler(c -> blocking(c, () -> broadcasts.find(officer(c), c.pathParam("id"))));
        r.put("/broadcasts/:id").handler(c -> blocking(c, () -> broadcasts.edit(officer(c), c.pathParam("id"), draft(c))));
        r.get("/broadcasts/:id/estimate").handler(c -> blocking(c, () -> estimate(c)));
        r.post("/broadcasts/:id/:action").handler(c -> blocking(c, () -> action(c)));
        r.get("/broadcasts/:id/occurrences").handler(c -> blocking(c, () -> occurrences(c)));
        r.get("/broadcasts/:id/occurrences/:n/progress").handler(c -> blocking(c, () -> progress(c)));
        r.get("/broadcasts/:id/occurrences/:n/report.csv").handler(this::reportCsv);
        return r;
    }

    private Object subscriber(RoutingContext c) {
        Subscriber s = subscribers.find(phone(c));
        if (s == null || !officer(c).mayActOnSubscriberIn(s.regionCode())) {
            throw new BroadcastException(BroadcastException.Kind.NOT_FOUND, "no subscriber " + c.pathParam("phone"));
        }
        return s;
    }

    /** An officer registers or corrects a farmer; a farmer's own TD is never undone here. */
    private Object saveSubscriber(RoutingContext c) {
        Officer o = officer(c);
        if (!o.mayDraft()) throw forbidden(o.role() + " may not change subscribers");
        Subscriber in = read(c, Subscriber.class);
        String phone = phone(c);
        if (in.regionCode() != null && (!RegionCode.isValid(in.regionCode()) || !o.mayActIn(in.regionCode()))) {
            throw new BroadcastException(BroadcastException.Kind.FORBIDDEN, "region outside your area or invalid: " + in.regionCode());
        }
        Subscriber old = subscribers.find(phone);
        if (old != null && old.regionCode() != null && !o.mayActIn(old.regionCode())) {
            // the number belongs to another area: its officers own it (no take-over by re-registering)
            throw new BroadcastException(BroadcastException.Kind.FORBIDDEN, "this number is registered outside your area");
        }
        var now = clock.instant();
        Subscriber s = new Subscriber(phone, in.name(), in.lang() == null ? Lang.ZH : in.lang(), in.regionCode(), in.crops(),
                in.topics(), in.channels(), old == null ? SubscriberStatus.ACTIVE : old.status(),
                old == null ? "officer:" + o.name() : old.source(), now, old == null ? now : old.createdAt(), now);
        subscribers.save(s);
        vertx.eventBus().publish(BroadcastAddresses.SUBSCRIBER_CHANGED, phone);
        return s;
    }

    private Object importCsv(RoutingContext c) {
        Officer o = officer(c);
        if (!o.mayDraft()) throw forbidden(o.role() + " may not import subscribers");
        ImportReport report;
        try {
            report = importer.run(c.body().asString("UTF-8"), o.name(), o.scope());
        } catch (RuntimeException storeFailed) {
            // some batches may be stored: caches must not keep saying those numbers are unknown
            vertx.eventBus().publish(BroadcastAddresses.SUBSCRIBER_CHANGED, SubscriberDirectory.ALL);
            throw storeFailed;
        }
        if (!report.ok()) c.response().setStatusCode(422);
        else {
            engine.reloadIndexNow();
            vertx.eventBus().publish(BroadcastAddresses.SUBSCRIBER_CHANGED, SubscriberDirectory.ALL);
        }
        return report;
    }

    private record CountRequest(Audience audience, Set<Channel> channels) {
    }

    private AudienceSize countAudience(RoutingContext c) {
        CountRequest req = read(c, CountRequest.class);
        if (req.audience() == null) throw invalid("audience is required");
        if (!req.audience().isWithin(officer(c).scope())) throw forbidden("the audience must lie within your area");
        Set<Channel> channels = req.channels() == null || req.channels().isEmpty() ? Set.of(Channel.SMS) : req.channels();
        return counter.count(req.audience(), channels);
    }

    /**
     * A recorded message for a voice broadcast, the body a WAV file: checked and stored where the voice
     * channel plays it; a draft names it under "recordings". 201 with its name; 400 with the reason.
     */
    private Object storeRecording(RoutingContext c) throws IOException {
        Officer o = officer(c);
        if (!o.mayDraft()) throw forbidden(o.role() + " may not attach recordings");
        Path upload = Files.createTempFile("sandian-recording", ".upload");
        try {
            Files.write(upload, c.body().buffer() == null ? new byte[0] : c.body().buffer().getBytes());
            String name = broadcasts.recordings().store(upload);
            c.response().setStatusCode(201);
            return Map.of("recording", name);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private Estimate estimate(RoutingContext c) {
        Broadcast b = broadcasts.find(officer(c), c.pathParam("id"));
        AudienceSize size = counter.count(b.audience(), Set.of(Channel.SMS));
        Map<Lang, Integer> parts = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) parts.put(l, SmsParts.count(b.textFor(l)));
        long total = 0;
        for (Map.Entry<Lang, Long> e : size.byLang().entrySet()) total += e.getValue() * parts.get(e.getKey());
        return new Estimate(parts, size.byLang(), total, total * broadcasts.options().pricePerPart());
    }

    private Object action(RoutingContext c) {
        Officer o = officer(c);
        String id = c.pathParam("id");
        switch (c.pathParam("action")) {
            case "submit":
                return broadcasts.submit(o, id);
            case "approve":
                return broadcasts.approve(o, id);
            case "reject":
                return broadcasts.reject(o, id, c.body().asJsonObject() == null ? null : c.body().asJsonObject().getString("reason"));
            case "pause":
                return broadcasts.pause(o, id);
            case "resume":
                boolean active = engine.occurrences().ofBroadcast(id).stream().anyMatch(x -> x.state().isActive());
                return broadcasts.resume(o, id, active);
            case "cancel":
                return broadcasts.cancel(o, id);
            default:
                throw new BroadcastException(BroadcastException.Kind.NOT_FOUND, "no action " + c.pathParam("action"));
        }
    }

    private List<Occurrence> occurrences(RoutingContext c) {
        Broadcast b = broadcasts.find(officer(c), c.pathParam("id"));
        return engine.occurrences().ofBroadcast(b.id());
    }

    private Progress progress(RoutingContext c) {
        Broadcast b = broadcasts.find(officer(c), c.pathParam("id"));
        Progress p = reports.progress(Occurrence.idOf(b.id(), number(c)));
        if (p == null) throw new BroadcastException(BroadcastException.Kind.NOT_FOUND, "no occurrence " + c.pathParam("n"));
        return p;
    }

    private void reportCsv(RoutingContext c) {
        vertx.executeBlocking(() -> {
            Broadcast b = broadcasts.find(officer(c), c.pathParam("id"));
            StringWriter out = new StringWriter();
            reports.deliveryCsv(Occurrence.idOf(b.id(), number(c)), out);
            return out.toString();
        }, false).onSuccess(csv -> c.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"delivery-" + c.pathParam("id") + "-"
                        + c.pathParam("n") + ".csv\"")
                .end("\uFEFF" + csv)).onFailure(e -> fail(c, e));
    }

    private static Object created(RoutingContext c, Broadcast b) {
        c.response().setStatusCode(201);
        return b;
    }

    private void blocking(RoutingContext c, Callable<Object> work) {
        vertx.executeBlocking(work, false).onSuccess(result -> {
            try {
                HttpServerResponse res = c.response();
                res.putHeader("Content-Type", "application/json; charset=utf-8").end(JSON.writeValueAsString(result));
            } catch (Exception e) {
                fail(c, e);
            }
        }).onFailure(e -> fail(c, e));
    }

    private static void fail(RoutingContext c, Throwable e) {
        int status = 500;
        String message = "internal error";
        if (e instanceof BroadcastException b) {
            status = b.httpStatus();
            message = b.getMessage();
        } else if (e instanceof IllegalArgumentException || e instanceof ApiInputException) {
            status = 400;
            message = e.getMessage();
        } else if (e instanceof NotSignedInException) {
            status = 401;
            message = e.getMessage();
        }
        c.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new io.vertx.core.json.JsonObject().put("error", message).encode());
    }

    private static Officer officer(RoutingContext c) {
        Officer o = Officer.adapt(c.get(Officer.CONTEXT_KEY));
        if (o == null) throw new NotSignedInException();
        return o;
    }

    private static String phone(RoutingContext c) {
        try {
            return PhoneNumbers.normalize(c.pathParam("phone"));
        } catch (InvalidPhoneNumberException e) {
            throw new ApiInputException(e.getMessage());
        }
    }

    private static int number(RoutingContext c) {
        try {
            return Integer.parseInt(c.pathParam("n"));
        } catch (NumberFormatException e) {
            throw new ApiInputException("occurrence number expected, got " + c.pathParam("n"));
        }
    }

    private static BroadcastDraft draft(RoutingContext c) {
        return read(c, BroadcastDraft.class);
    }

    private static <T> T read(RoutingContext c, Class<T> type) {
        try {
            return JSON.readValue(c.body().asString("UTF-8"), type);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new ApiInputException("bad " + type.getSimpleName() + " JSON: " + root.getMessage());
        }
    }

    private static BroadcastException forbidden(String m) {
        return new BroadcastException(BroadcastException.Kind.FORBIDDEN, m);
    }

    private static BroadcastException invalid(String m) {
        return new BroadcastException(BroadcastException.Kind.INVALID, m);
    }

    /** Unreadable request input: 400. */
    static final class ApiInputException extends RuntimeException {
        ApiInputException(String m) {
            super(m);
        }
    }

    /** No officer on the context (the router was mounted without the bearer check): 401. */
    static final class NotSignedInException extends RuntimeException {
        NotSignedInException() {
            super("not signed in: send 'Authorization: Bearer <token>'");
        }
    }
}
