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
 * by SMS) and closes it; every step is audited.
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

    /** Spoken questions' recordings (the voice channel's sounds directory); null without a voice channel. */
    private final SoundFiles sounds;

    QuestionsPage(Vertx vertx, QuestionStore questions, AuditLog audit, View view, ZoneId zone, Clock clock,
                  java.nio.file.Path soundsDir) {
        this.sounds = soundsDir == null ? null : new SoundFiles(soundsDir);
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

    /** The caller's recorded question, to officers who may see the question (same region rule as the page). */
    private void recording(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        vertx.executeBlocking(() -> visible(officer, ctx.pathParam("number"))
                .filter(q -> q.recording() != null && sounds != null)
                .flatMap(q -> sounds.wav(sounds.nameOf(q.recording()))), false)
                .onSuccess(file -> SoundFiles.send(ctx, file, "no recording of this question in your region"))
                .onFailure(ctx::fail);
    }

    private void assign(RoutingContext ctx) {
        change(ctx, "question.assign", (officer, number) -> questions.assign(number, officer.name()), "taken");
    }

    private void close(RoutingContext ctx) {
        change(ctx, "question.close", (officer, number) -> questions.close(number), "closed");
    }

    private void answer(RoutingContext ctx) {
        String text = ctx.request().getFormAttribute("answer");
        if (text == null || text.isBlank()) {
            ConsoleSession.flash(ctx, "write an answer first");
            ConsoleRoutes.redirect(ctx, "/console/questions/" + ctx.pathParam("number"));
            return;
        }
        change(ctx, "question.answer", (officer, number) -> {
            Optional<Question> answered = questions.answer(number, officer.name(), text);
            answered.filter(q -> q.phone() != null).ifPresent(this::sendAnswer);
            return answered;
        }, "answered; the answer is on its way by SMS");
    }

    /**
     * The answer goes back on the asker's channel: SMS (a spoken question's asker gets it by SMS too).
     * Runs on a worker and waits until the SMS channel has stored the message, so the officer is told
     * when it could not be queued instead of being told it is on its way.
     */
    private void sendAnswer(Question q) {
        String text = q.lang() == Lang.EN
                ? "Answer to your question " + q.number() + ": " + q.answer()
                : "您的问题（编号" + q.number() + "）答复：" + q.answer();
        OutboundSms sms = new OutboundSms("answer:" + q.number() + ":" + q.answeredAt().toEpochMilli(), q.phone(), text,
                OutboundSms.Priority.REPLY, "answer");
        try {
            vertx.eventBus().request(Addresses.SMS_SEND, sms, RecordCodec.options(OutboundSms.class).setSendTimeout(15_000))
                    .toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the answer is saved, but the SMS to the asker could not be queued ("
                    + e.getMessage() + "): send it again later");
        }
    }

    private interface Change {
        Optional<Question> apply(Officer officer, String number);
    }

    private void change(RoutingContext ctx, String action, Change change, String done) {
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
                ConsoleSession.flash(ctx, r.result().isPresent() ? done : "no such question in your region");
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
