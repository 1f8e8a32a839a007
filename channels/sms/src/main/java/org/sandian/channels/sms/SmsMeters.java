package org.sandian.channels.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.Map;
import org.sandian.content.bus.SmsStatus;

/**
 * The SMS channel's counters on the hub's /metrics (Micrometer's global registry, which ops scrapes):
 * {@code sandian_mo_total} per MO handed to the dialogue, {@code sandian_mt_total{state}} per MT state
 * change (queued, submitted, delivered, failed).
 */
final class SmsMeters {

    private final Counter mo = Metrics.counter("sandian.mo", "channel", "sms");
    private final Map<SmsStatus.State, Counter> mt = new EnumMap<>(SmsStatus.State.class);

    SmsMeters() {
        for (SmsStatus.State s : SmsStatus.State.values()) {
            mt.put(s, Metrics.counter("sandian.mt", "channel", "sms", "state", s.name().toLowerCase()));
        }
    }

    void received() {
        mo.increment();
    }

    void status(SmsStatus s) {
        mt.get(s.state()).increment();
    }
}
