package org.sandian.channels.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.sandian.content.bus.SmsStatus;

/**
 * The SMS channel's meters on the hub's /metrics (Micrometer's global registry, which ops scrapes):
 * <ul>
 *   <li>{@code sandian_mo_total} per MO handed to the dialogue;</li>
 *   <li>{@code sandian_mt_total{state}} per MT state change (queued, submitted, delivered, failed);</li>
 *   <li>{@code sandian_mo_latency_seconds}: from the deliver_sm's arrival (it is stored before it is
 *       acknowledged) to the handler's reply queued (or none, deliberately);</li>
 *   <li>{@code sandian_mt_latency_seconds}: from the MT stored as queued to its last part's
 *       submit_sm_resp (SUBMITTED), for MTs queued since this start;</li>
 *   <li>{@code sandian_outbox_depth{outbox="sms"}}: MT parts waiting for a window slot.</li>
 * </ul>
 * Everything is taken from the callbacks the channel already gives MtOutbox and MoIntake (status
 * listener, deliver function), so those classes carry no metrics code.
 */
final class SmsMeters {

    /** MT ids waiting for SUBMITTED; beyond this the oldest are forgotten (never submitted, or resumed). */
    private static final int MAX_PENDING = 200_000;
    /** Outboxes of the channels running in this JVM (one per hub; tests start several). */
    private static final Set<IntSupplier> OUTBOXES = ConcurrentHashMap.newKeySet();

    static {
        Metrics.gauge("sandian.outbox.depth", Tags.of("outbox", "sms"), OUTBOXES,
                all -> all.stream().mapToInt(IntSupplier::getAsInt).sum());
    }

    private final Counter mo = Metrics.counter("sandian.mo", "channel", "sms");
    private final Map<SmsStatus.State, Counter> mt = new EnumMap<>(SmsStatus.State.class);
    private final Timer moLatency = Metrics.timer("sandian.mo.latency", "channel", "sms");
    private final Timer mtLatency = Metrics.timer("sandian.mt.latency", "channel", "sms");
    private final Map<String, Long> queuedAt = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_PENDING;
        }
    };

    SmsMeters() {
        for (SmsStatus.State s : SmsStatus.State.values()) {
            mt.put(s, Metrics.counter("sandian.mt", "channel", "sms", "state", s.name().toLowerCase()));
        }
    }

    void received() {
        mo.increment();
    }

    /** The handler is done with an MO that arrived at {@code receivedAt}. */
    void handled(Instant receivedAt, Instant now) {
        moLatency.record(Duration.between(receivedAt, now));
    }

    void status(SmsStatus s) {
        mt.get(s.state()).increment();
        long now = System.nanoTime();
        Long queued;
        synchronized (queuedAt) {
            switch (s.state()) {
                case QUEUED:
                    queuedAt.put(s.id(), now);
                    return;
                case SUBMITTED:
                case FAILED:
                    queued = queuedAt.remove(s.id());
                    break;
                default:
                    return;
            }
        }
        if (queued != null && s.state() == SmsStatus.State.SUBMITTED) mtLatency.record(now - queued, TimeUnit.NANOSECONDS);
    }

    /** Counts {@code queuedParts} in the outbox depth gauge until {@link #untrack}. */
    static void track(IntSupplier queuedParts) {
        OUTBOXES.add(queuedParts);
    }

    static void untrack(IntSupplier queuedParts) {
        OUTBOXES.remove(queuedParts);
    }
}
