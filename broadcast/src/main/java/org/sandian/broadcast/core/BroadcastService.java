package org.sandian.broadcast.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.sandian.content.answer.Channel;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;

/**
 * The officer's actions on broadcasts and their rules: who may do what in which state. Blocking
 * (store calls): run on a worker. Every change is announced through {@code changed} so senders
 * react at once to pause and cancel.
 */
public final class BroadcastService {

    private final BroadcastStore store;
    private final BroadcastOptions options;
    private final Clock clock;
    private final Consumer<String> changed;
    private final AuditLog audit;
    private final Recordings recordings;

    /**
     * @param audit      where every action is recorded (who, what, state before and after), or null
     * @param recordings where the recorded messages a draft may name are kept
     */
    public BroadcastService(BroadcastStore store, BroadcastOptions options, Clock clock, Consumer<String> changed,
                            AuditLog audit, Recordings recordings) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.changed = changed;
        this.audit = audit;
        this.recordings = recordings;
    }

    /** Where recorded messages are stored before a draft names them. */
    public Recordings recordings() {
        return recordings;
    }

    public BroadcastOptions options() {
        return options;
    }

    public Broadcast create(Officer officer, BroadcastDraft d) {
        if (!officer.mayDraft()) throw new BroadcastException(BroadcastException.Kind.FORBIDDEN, officer.role() + " may not write broadcasts");
        validate(officer, d);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Broadcast b = new Broadcast(id, d.title(), d.texts(), d.recordings(), d.channels(), d.audience(), d.schedule(), d.quietHours(),
                d.validFor(), BroadcastState.DRAFT, officer.name(), officer.regionCode(), null, null, now, now, null, 0, 0);
        store.insert(b);
        audit(officer.name(), "create", null, b);
        return b;
    }

    public Broadcast edit(Officer officer, String id, BroadcastDraft d) {
        validate(officer, d);
        return change(officer, "edit", id, b -> {
            requireState(b, BroadcastState.DRAFT);
            return new Broadcast(b.id(), d.title(), d.texts(), d.recordings(), d.channels(), d.audience(), d.schedule(), d.quietHours(),
                    d.validFor(), b.state(), b.createdBy(), b.scope(), null, null, b.createdAt(), clock.instant(), null, 0,
                    b.version() + 1);
        });
    }

    /** Sends for review; without required approval it is approved and scheduled at once. */
    public Broadcast submit(Officer officer, String id) {
        if (!officer.mayDraft()) throw forbidden(officer.role() + " may not submit broadcasts");
        Broadcast b = change(officer, "submit", id, x -> {
            requireState(x, BroadcastState.DRAFT);
            return x.with(BroadcastState.SUBMITTED, null, clock.instant());
        });
        return options.requireApproval() ? b : schedule(b, officer.name(), "auto");
    }

    public Broadcast approve(Officer reviewer, String id) {
        if (!reviewer.mayReview()) throw forbidden("only a reviewer may approve");
        Broadcast b = find(reviewer, id);
        if (options.requireApproval() && reviewer.name().equals(b.createdBy())) {
            throw forbidden("a broadcast must be approved by someone other than its author");
        }
        requireState(b, BroadcastState.SUBMITTED);
        return schedule(b, reviewer.name(), reviewer.name());
    }

    public Broadcast reject(Officer reviewer, String id, String reason) {
        if (!reviewer.mayReview()) throw forbidden("only a reviewer may reject");
        return change(reviewer, "reject", id, b -> {
            requireState(b, BroadcastState.SUBMITTED);
            return b.with(BroadcastState.DRAFT, reason, clock.instant());
        });
    }

    public Broadcast pause(Officer officer, String id) {
        return change(officer, "pause", id, b -> {
            requireState(b, BroadcastState.SENDING, BroadcastState.SCHEDULED);
            return b.with(BroadcastState.PAUSED, "paused by " + officer.name(), clock.instant());
        });
    }

    /** Resumes sending; a paused broadcast with an occurrence under way goes back to SENDING. */
    public Broadcast resume(Officer officer, String id, boolean occurrenceActive) {
        return change(officer, "resume", id, b -> {
            requireState(b, BroadcastState.PAUSED);
            BroadcastState s = occurrenceActive ? BroadcastState.SENDING : BroadcastState.SCHEDULED;
            return b.with(s, "resumed by " + officer.name(), clock.instant());
        });
    }

    public Broadcast cancel(Officer officer, String id) {
        return change(officer, "cancel", id, b -> {
            if (b.state().isFinal()) throw conflict("broadcast is already " + b.state());
            return b.nextFire(null, BroadcastState.CANCELLED, clock.instant());
        });
    }

    /** The broadcast if the officer may see it. */
    public Broadcast find(Officer officer, String id) {
        Broadcast b = store.find(id);
        if (b == null || !visible(officer, b)) throw new BroadcastException(BroadcastException.Kind.NOT_FOUND, "no broadcast " + id);
        return b;
    }

    public List<Broadcast> list(Officer officer) {
        return store.all().stream().filter(b -> visible(officer, b)).toList();
    }

    private static boolean visible(Officer officer, Broadcast b) {
        return officer.scope().isEmpty() || (b.scope() != null && officer.mayActIn(b.scope()))
                || b.audience().isWithin(officer.scope());
    }

    private Broadcast schedule(Broadcast b, String actor, String approver) {
        Instant now = clock.instant();
        Broadcast next = b.approved(approver, b.schedule().firstFrom(now, options.zone()), now);
        if (!store.update(next)) throw conflict("broadcast " + b.id() + " changed meanwhile; reload and retry");
        audit(actor, "approve", b, next);
        changed.accept(b.id());
        return next;
    }

    private Broadcast change(Officer officer, String action, String id, UnaryOperator<Broadcast> f) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Broadcast b = find(officer, id);
            if (!officer.mayDraft()) throw forbidden(officer.role() + " may not change broadcasts");
            Broadcast next = f.apply(b);
            if (store.update(next)) {
                audit(officer.name(), action, b, next);
                changed.accept(id);
                return next;
            }
        }
        throw conflict("broadcast " + id + " keeps changing; retry");
    }

    /** Before and after are the states; with the recordings' names when there are any (which sound goes out). */
    private void audit(String actor, String action, Broadcast before, Broadcast after) {
        if (audit == null) return;
        audit.record(actor, "broadcast." + action, "broadcast:" + after.id(), after.scope(),
                before == null ? null : audited(before), audited(after));
    }

    private static String audited(Broadcast b) {
        if (b.recordings().isEmpty()) return b.state().name();
        StringBuilder s = new StringBuilder(b.state().name()).append(", recordings");
        new TreeMap<>(b.recordings()).forEach((l, r) -> s.append(' ').append(l.name()).append('=').append(r));
        return s.toString();
    }

    private void validate(Officer officer, BroadcastDraft d) {
        if (d.title() == null || d.title().isBlank()) throw invalid("title is required");
        if (d.texts() == null || d.texts().isEmpty() || d.texts().values().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw invalid("a text in at least one language is required, and no text may be empty");
        }
        if (d.channels() == null || d.channels().isEmpty()) throw invalid("at least one channel is required");
        validateRecordings(d);
        for (Channel c : d.channels()) {
            if (c == Channel.CONSOLE) throw invalid("channel CONSOLE cannot broadcast");
        }
        if (d.channels().contains(Channel.SMS)) {
            // the SMS channel cuts what is beyond its parts limit: refuse now rather than send half a text
            for (Map.Entry<Lang, String> t : d.texts().entrySet()) {
                int parts = SmsParts.count(t.getValue());
                if (parts > options.maxSmsParts()) {
                    throw invalid("the " + t.getKey().name().toLowerCase(Locale.ROOT) + " text needs " + parts
                            + " SMS parts, at most " + options.maxSmsParts() + " are sent (about "
                            + options.maxSmsParts() * 67 + " Chinese or " + options.maxSmsParts() * 153
                            + " Latin characters): shorten it / 短信最多" + options.maxSmsParts() + "条，请缩短内容");
                }
            }
        }
        if (d.audience() == null) throw invalid("audience is required");
        if (d.schedule() == null) throw invalid("schedule is required");
        if (!d.audience().isWithin(officer.scope())) {
            throw forbidden("the audience must lie within your area " + officer.regionCode()
                    + (d.audience().regions().isEmpty() ? " (name regions)" : ""));
        }
        for (String r : d.audience().regions()) {
            if (!RegionCode.isValid(r)) throw invalid("not a region code: " + r);
        }
    }

    /** A recording goes with a voice call and with the text it says (SMS, TV and web show the text). */
    private void validateRecordings(BroadcastDraft d) {
        if (d.recordings() == null || d.recordings().isEmpty()) return;
        if (!d.channels().contains(Channel.VOICE)) {
            throw invalid("a recording is played only by voice calls: choose the voice channel too, or remove the recording"
                    + " / 录音只用于语音外呼：请同时选择语音外呼，或删除录音");
        }
        for (Map.Entry<Lang, String> r : d.recordings().entrySet()) {
            String lang = r.getKey().name().toLowerCase(Locale.ROOT);
            if (!d.texts().containsKey(r.getKey())) {
                throw invalid("the " + lang + " recording needs the " + lang + " text too (what it says, for SMS, TV and"
                        + " the web) / 有录音的语言也需要填写文字");
            }
            if (!recordings.isStored(r.getValue())) {
                throw invalid("no such recording: " + r.getValue() + " (upload the WAV file first: POST /api/recordings)"
                        + " / 没有这个录音，请先上传WAV文件");
            }
        }
    }

    private static void requireState(Broadcast b, BroadcastState... allowed) {
        for (BroadcastState s : allowed) if (b.state() == s) return;
        throw conflict("broadcast " + b.id() + " is " + b.state());
    }

    private static BroadcastException forbidden(String m) {
        return new BroadcastException(BroadcastException.Kind.FORBIDDEN, m);
    }

    private static BroadcastException conflict(String m) {
        return new BroadcastException(BroadcastException.Kind.CONFLICT, m);
    }

    private static BroadcastException invalid(String m) {
        return new BroadcastException(BroadcastException.Kind.INVALID, m);
    }
}
