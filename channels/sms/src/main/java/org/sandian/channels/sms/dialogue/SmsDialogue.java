package org.sandian.channels.sms.dialogue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sandian.channels.sms.InboundMessage;
import org.sandian.channels.sms.MoHandler;
import org.sandian.channels.sms.SmsSender;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.model.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyword dialogue: each stored MO becomes a {@link Query} for the answer engine, and its
 * {@link Answer} one reply SMS (the rest of a long answer waits for MORE). Loops and floods are
 * stopped first. Messages of one number are handled one after the other, in arrival order, so
 * "价格 玉米" then "更多" or "TD" then anything never overtake each other; different numbers run
 * concurrently. Logs name the MO id, never the phone number.
 */
public final class SmsDialogue implements MoHandler {

    private static final Logger log = LoggerFactory.getLogger(SmsDialogue.class);
    private static final String SOURCE = "reply";

    private final AnswerService answers;
    private final SmsSender sender;
    private final DialogueOptions options;
    private final SmsRenderer renderer;
    private final Pager pager;
    private final FloodGuard flood;
    private final PageBuffer pages;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final AtomicLong handled = new AtomicLong();
    /** Our own numbers as digits only, alone and after 86, worked out once: every MO is checked against them. */
    private final Set<String> own;

    public SmsDialogue(Vertx vertx, DialogueOptions options, SmsSender sender, Clock clock) {
        this(AnswerService.proxy(vertx), options, sender, clock);
    }

    public SmsDialogue(AnswerService answers, DialogueOptions options, SmsSender sender, Clock clock) {
        this.answers = answers;
        this.sender = sender;
        this.options = options;
        this.renderer = new SmsRenderer(options.zone());
        this.pager = new Pager(options.pageParts());
        this.flood = new FloodGuard(options.replyLimit(), options.limitWindow(), options.quietFor(), clock);
        this.pages = new PageBuffer(options.pagesKeptFor(), clock);
        this.own = options.ownNumbers().stream().map(SmsDialogue::digits).filter(o -> !o.isEmpty())
                .flatMap(o -> Stream.of(o, "86" + o)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void onMessage(InboundMessage mo) {
        process(mo);
    }

    /** Completes once the reply is queued (or deliberately none), so the channel can mark the MO handled. */
    @Override
    public CompletionStage<Void> process(InboundMessage mo) {
        if (mo.from() == null || mo.from().isBlank() || isOwn(mo.from())) {
            log.warn("MO {} not answered: sent by one of our own numbers or by nobody", mo.id());
            handled.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        String from = mo.from();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> before = tails.put(from, mine);
        Runnable run = () -> handle(mo).onComplete(ar -> {
            if (ar.failed()) log.error("MO {} not answered", mo.id(), ar.cause());
            tails.remove(from, mine);
            handled.incrementAndGet();
            mine.complete(null);
        });
        if (before == null) run.run();
        else before.whenComplete((v, e) -> run.run());
        return mine;
    }

    /** How many numbers have a message in progress. */
    public int inProgress() {
        return tails.size();
    }

    /** MOs done with since start: reply queued, or deliberately none (loop, flood, repeated stop). */
    public long handled() {
        return handled.get();
    }

    private Future<Void> handle(InboundMessage mo) {
        try {
            String from = mo.from();
            boolean more = KeywordParser.isMore(mo.text());
            Query query = more ? null : KeywordParser.parse(mo.text(), from);
            Lang textLang = KeywordParser.langOf(mo.text());
            FloodGuard.Verdict verdict = flood.admit(from);
            boolean stop = query != null && query.intent() == Intent.UNSUBSCRIBE;
            if (verdict != FloodGuard.Verdict.REPLY && !stop) return refuse(mo, verdict, textLang);
            if (more) return reply(mo, next(from, textLang));
            if (stop) pages.keep(from, List.of()); // nothing more of any kind once he stopped
            return ask(query).compose(answer -> {
                // TD is done even past the flood limit; only its confirmation obeys the limit.
                if (verdict != FloodGuard.Verdict.REPLY) return refuse(mo, verdict, answer.lang());
                if (isRepeatedStop(answer)) return Future.succeededFuture(); // confirmed once already
                List<String> all = pager.pages(render(mo, answer, query), renderer.text("more_hint", answer.lang()));
                pages.keep(from, all.subList(1, all.size()));
                return reply(mo, all.get(0));
            });
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** The answer's text; a template that fails still gives the farmer a polite "busy", never silence. */
    private String render(InboundMessage mo, Answer answer, Query query) {
        try {
            return renderer.render(answer, query);
        } catch (RuntimeException e) {
            log.error("MO {}: {} answer could not be rendered", mo.id(), SmsRenderer.kindOf(answer), e);
            return renderer.render(new Answer.Failed(answer.lang(), query.intent(), "unavailable"), query);
        }
    }

    /** The engine's answer; if the engine cannot be reached, a polite "busy" answer all the same. */
    private Future<Answer> ask(Query query) {
        return answers.answer(query).recover(e -> {
            log.warn("answer engine unavailable for {}: {}", query.intent(), e.toString());
            Lang lang = query.lang() == null ? options.defaultLang() : query.lang();
            return Future.succeededFuture(new Answer.Failed(lang, query.intent(), "unavailable"));
        });
    }

    private String next(String from, Lang textLang) {
        String page = pages.next(from);
        return page != null ? page : renderer.text("no_more", lang(textLang));
    }

    private Future<Void> refuse(InboundMessage mo, FloodGuard.Verdict verdict, Lang lang) {
        if (verdict == FloodGuard.Verdict.SILENT) {
            log.info("MO {} not answered: sender over the reply limit", mo.id());
            return Future.succeededFuture();
        }
        log.warn("MO {}: sender went over the reply limit; one notice, then silence", mo.id());
        return reply(mo, renderer.text("flood", lang(lang)));
    }

    /**
     * The reply's id is the MO's with a prefix: an MO handed over again after a stop (see MoIntake)
     * queues the same id, which the outbox sends once.
     */
    private Future<Void> reply(InboundMessage mo, String text) {
        OutboundSms sms = new OutboundSms(replyId(mo), mo.from(), text, OutboundSms.Priority.REPLY, SOURCE);
        return Future.fromCompletionStage(sender.send(sms)).mapEmpty();
    }

    public static String replyId(InboundMessage mo) {
        return "re-" + mo.id();
    }

    private Lang lang(Lang lang) {
        return lang == null ? options.defaultLang() : lang;
    }

    /** The directory says this number had already stopped: its first TD was confirmed, say nothing. */
    private static boolean isRepeatedStop(Answer answer) {
        return answer instanceof Answer.Done done && done.action() == Intent.UNSUBSCRIBE
                && "already-stopped".equals(done.detail());
    }

    /** Our own sender ids, however the SMSC writes them ("12316", "+8612316", "8612316"). */
    private boolean isOwn(String from) {
        return own.contains(digits(from));
    }

    /** The ASCII digits of a number, without "+", spaces or dashes. */
    private static String digits(String number) {
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') out.append(c);
        }
        return out.toString();
    }
}
