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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.sandian.channels.voice.speech.SharedSounds;
import org.sandian.content.answer.Channel;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;
import org.sandian.content.model.RegionLevel;
import org.sandian.content.questions.Question;
import org.sandian.content.questions.QuestionState;
import org.sandian.content.questions.QuestionStore;
import org.sandian.ops.auth.Officer;
import org.sandian.ops.auth.Role;

/**
 * The questions inbox (电子监察): consultations and complaints from every channel, the most urgent
 * first, overdue ones marked. An agent takes one, answers it (the answer goes back to the asker
 * by SMS, and a spoken question's asker is also called back and hears it) and closes it; every
 * step is audited.
 */
final class QuestionsPage {

    private static final int PER_PAGE = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Vertx vertx;
    private final QuestionStore questions;
    private final AuditLog audit;
    private final View view;
    private final ZoneId zone;
    private final Clock clock;

    /** Spoken questions' recordings (the voice channel's sounds, any hub's); null without a voice channel. */
    private final SharedSounds shared;
    private final SoundFiles sounds;
    /** Calls the asker of a spoken question back with the answer. */
    private final AnswerCall call;

    QuestionsPage(Vertx vertx, QuestionStore questions, AuditLog audit, View view, ZoneId zone, Clock clock,
                  SharedSounds shared, AnswerCall call) {
        this.shared = shared;
        this.sounds = shared == null ? null : new SoundFiles(shared.dir());
        this.call = call;
        this.vertx = vertx;
        this.questions = questions;
        this.audit = audit;
        this.view = view;
        this.zone = zone;
        this.clock = clock;
    }

    void mount(Router r) {
        r.get("/questions").handler(this::list);
        r.get("/questions/:number").handler(this::show);
        r.get("/questions/:number/recording").handler(this::recording);
        r.post("/questions/:number/assign").handler(this::assign);
        r.post("/questions/:number/answer").handler(this::answer);
        r.post("/questions/:number/close").handler(this::close);
    }

    private void list(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        QuestionState state = parseState(ctx.queryParams().get("state"));
        int page = parsePage(ctx.queryParams().get("page"));
        vertx.executeBlocking(() -> questions.list(state, officer.regionCode(), seesUnplaced(officer), page, PER_PAGE), false)
                .onSuccess(list -> view.render(ctx, "questions", new JsonObject()
                        .put("questions", rows(list)).put("state", state == null ? "" : state.name())
                        .put("page", page).put("hasNext", list.size() == PER_PAGE)
                        .put("overdue", list.stream().filter(this::overdue).count())))
                .onFailure(ctx::fail);
    }

    private void show(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        vertx.executeBlocking(() -> visible(officer, ctx.pathParam("number")), false).onSuccess(q -> {
            if (q.isEmpty()) {
                view.render(ctx, 404, "message", new JsonObject().put("message", "no such question in your region"));
                return;
            }
            view.render(ctx, "question", new JsonObject().put("q", row(q.get()))
                    .put("mayAnswer", officer.is(Role.AGENT)));
        }).onFailure(ctx::fail);
    }

    /**
     * The caller's recorded question, to officers who may see the question (same region rule as the
     * page); fetched from the store first when another hub took the call.
     */
    private void recording(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        vertx.executeBlocking(() -> visible(officer, ctx.pathParam("number"))
                .filter(q -> sounds != null)
                .map(q -> SharedSounds.questionName(q.recording()))
                .filter(shared::ensureLocal)
                .flatMap(sounds::wav), false)
                .onSuccess(file -> SoundFiles.send(ctx, file, "no recording of this question in your region"))
                .onFailure(ctx::fail);
    }

    private void assign(RoutingContext ctx) {
        change(ctx, "question.assign", (officer, number) -> questions.assign(number, officer.name()), () -> "taken");
    }

    private void close(RoutingContext ctx) {
        change(ctx, "question.close", (officer, number) -> questions.close(number), () -> "closed");
    }

    private void answer(RoutingContext ctx) {
        String text = ctx.request().getFormAttribute("answer");
        if (text == null || text.isBlank()) {
            ConsoleSession.flash(ctx, "write an answer first");
            ConsoleRoutes.redirect(ctx, "/console/questions/" + ctx.pathParam("number"));
            return;
        }
        AtomicReference<String> told = new AtomicReference<>("answered");
        change(ctx, "question.answer", (officer, number) -> {
            Optional<Question> answered = questions.answer(number, officer.name(), text);
            answered.ifPresent(q -> told.set("answered; " + deliver(q)));
            return answered;
        }, told::get);
    }

    /**
     * The answer goes back on the asker's channel: SMS, and for a question asked on the hotline also
     * a call that speaks it. Runs on a worker and waits until the SMS channel has stored the message
     * and the voice channel has queued the call, so the officer is told what could not be sent
     * instead of being told it is on its way. Both carry the answer's id: sent again, they go once.
     * Returns what the officer is told; the answer is saved (and audited) whatever it says.
     */
    private String deliver(Question q) {
        if (q.phone() == null) return "the asker left no phone number, so nothing was sent";
        String id = "answer:" + q.number() + ":" + q.answeredAt().toEpochMilli();
        String smsFailure = sendSms(q, id);
        String again = smsFailure == null ? "" : " (SMS: " + smsFailure + "); send it again later";
        if (q.channel() == Channel.VOICE) return call.place(q, id, smsFailure == null) + again;
        return smsFailure == null ? "the answer is on its way by SMS"
                : "the answer is saved, but the SMS to the asker could not be queued" + again;
    }

    /** Queues the answer by SMS; returns why it could not be, or null once the SMS channel has stored it. */
    private String sendSms(Question q, String id) {
        String text = q.lang() == Lang.EN
                ? "Answer to your question " + q.number() + ": " + q.answer()
                : "您的问题（编号" + q.number() + "）答复：" + q.answer();
        OutboundSms sms = new OutboundSms(id, q.phone(), text, OutboundSms.Priority.REPLY, "answer");
        try {
            vertx.eventBus().request(Addresses.SMS_SEND, sms, RecordCodec.options(OutboundSms.class).setSendTimeout(15_000))
                    .toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause().getMessage() : e.toString();
        }
    }

    private interface Change {
        Optional<Question> apply(Officer officer, String number);
    }

    private void change(RoutingContext ctx, String action, Change change, Supplier<String> done) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        String number = ctx.pathParam("number");
        String page = "/console/questions/" + number;
        if (!officer.is(Role.AGENT)) {
            ConsoleSession.flash(ctx, "only agents answer questions");
            ConsoleRoutes.redirect(ctx, page);
            return;
        }
        vertx.executeBlocking(() -> {
            if (visible(officer, number).isEmpty()) return Optional.<Question>empty();
            Optional<Question> after = change.apply(officer, number);
            after.ifPresent(q -> audit.record(officer.name(), action, "question:" + number, q.region(), null,
                    q.state() + (q.answer() == null ? "" : ": " + q.answer())));
            return after;
        }, false).onComplete(r -> {
            if (r.succeeded()) {
                ConsoleSession.flash(ctx, r.result().isPresent() ? done.get() : "no such question in your region");
            } else if (r.cause() instanceof IllegalStateException || r.cause() instanceof IllegalArgumentException) {
                ConsoleSession.flash(ctx, r.cause().getMessage());
            } else {
                ctx.fail(r.cause());
                return;
            }
            ConsoleRoutes.redirect(ctx, page);
        });
    }

    private Optional<Question> visible(Officer officer, String number) {
        return questions.find(number).filter(q -> q.region() == null ? seesUnplaced(officer)
                : RegionCode.isWithin(q.region(), officer.regionCode()));
    }

    /**
     * Officers see the questions of their region subtree; those whose asker gave no region (a web
     * visitor who chose none) go to province-level officers, who are the first to place them.
     */
    private static boolean seesUnplaced(Officer officer) {
        return RegionCode.levelOf(officer.regionCode()) == RegionLevel.PROVINCE;
    }

    private boolean overdue(Question q) {
        return (q.state() == QuestionState.OPEN || q.state() == QuestionState.ASSIGNED)
                && q.due() != null && q.due().isBefore(clock.instant());
    }

    private JsonArray rows(List<Question> list) {
        JsonArray out = new JsonArray();
        list.forEach(q -> out.add(row(q)));
        return out;
    }

    private JsonObject row(Question q) {
        return Models.of(q).put("overdue", overdue(q))
                .put("createdLocal", TIME.format(q.created().atZone(zone)))
                .put("dueLocal", q.due() == null ? "" : TIME.format(q.due().atZone(zone)))
                .put("phoneMasked", org.sandian.content.bus.PhoneMask.mask(q.phone()));
    }

    private static QuestionState parseState(String s) {
        try {
            return s == null || s.isBlank() ? null : QuestionState.valueOf(s.toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parsePage(String s) {
        try {
            return s == null ? 1 : Math.max(1, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

}
