package org.sandian.channels.sms.mo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a deliver_sm the SMSC sends again from the farmer texting the same words twice. SMPP gives
 * MO no id, and an SMSC sends a deliver_sm again when our deliver_sm_resp did not reach it: the
 * connection died, or we answered after its timer. So the same bytes from the same number are a
 * re-delivery when the first copy was stored and (a) is still being stored now, or (b) was
 * answered late ({@code slowMillis} or more), or (c) came on a session that died soon after; and
 * only within {@code graceMillis}. The same text twice, answered promptly on a live session, is
 * two messages. Kept in memory: after a hub crash a re-delivered MO is stored a second time.
 *
 * <p>Each ticket has an id number for the stored document. A copy that comes again after the
 * first one's store failed or timed out gets the first one's number: that store may have
 * completed after all, and the same {@code _id} makes the second write a duplicate ("already
 * stored") instead of a second message (or, for a part, a second part with the same seq).
 */
public final class RecentPdus {

    /** One copy being handled; {@link #finish} it with the outcome. */
    public static final class Ticket {
        final String fingerprint;
        final String session;
        final long receivedAt;
        final long id;
        final CompletableFuture<Boolean> stored = new CompletableFuture<>();
        volatile long answeredAt;

        Ticket(String fingerprint, String session, long receivedAt, long id) {
            this.fingerprint = fingerprint;
            this.session = session;
            this.receivedAt = receivedAt;
            this.id = id;
        }

        /** The number this copy is stored under; the same as the last copy's when that one's store failed. */
        public long id() {
            return id;
        }
    }

    private final long graceMillis;
    private final long slowMillis;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Long> closedAt = new ConcurrentHashMap<>();
    private final Map<String, Ticket> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ticket> eldest) {
            return size() > 200_000;
        }
    };

    public RecentPdus(long graceMillis, long slowMillis) {
        this.graceMillis = graceMillis;
        this.slowMillis = slowMillis;
    }

    public void sessionClosed(String session, long at) {
        closedAt.putIfAbsent(session, at);
    }

    /** Null when this copy is a re-delivery of one already stored; else the ticket to finish. */
    public Ticket begin(String fingerprint, String session, long now) {
        Ticket before;
        synchronized (seen) {
            before = seen.get(fingerprint);
        }
        boolean beforeStored = before != null && wasStored(before);
        if (beforeStored && redelivery(before, session, now)) return null;
        long id = before != null && !beforeStored ? before.id : ids.incrementAndGet();
        Ticket t = new Ticket(fingerprint, session, now, id);
        synchronized (seen) {
            seen.put(fingerprint, t);
        }
        return t;
    }

    public void finish(Ticket t, boolean stored, long now) {
        t.answeredAt = now;
        t.stored.complete(stored);
    }

    /** Waits for a copy still being stored (the SMSC timed out on it): its outcome decides. */
    private static boolean wasStored(Ticket t) {
        try {
            return t.stored.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private boolean redelivery(Ticket before, String session, long now) {
        if (now - before.answeredAt > graceMillis) return false;
        if (before.answeredAt - before.receivedAt >= slowMillis) return true;   // answered late
        Long died = closedAt.get(before.session);
        return !before.session.equals(session) && died != null && before.answeredAt >= died - graceMillis;
    }
}
