package org.sandian.broadcast.outbox;

import java.time.Duration;
import java.util.Map;

/**
 * Where an occurrence stands.
 *
 * @param byState   entries per state (QUEUED entries of a cancelled occurrence were never sent)
 * @param byRegion  entries per county (6-digit prefix) and state
 * @param rate      entries handed over per second since sending began
 * @param timeLeft  at that rate, until every queued entry is handed over (null when unknown)
 */
public record Progress(String occurrenceId, OccurrenceState state, long total, Map<EntryState, Long> byState,
                       Map<String, Map<EntryState, Long>> byRegion, double rate, Duration timeLeft) {

    public long count(EntryState s) {
        return byState.getOrDefault(s, 0L);
    }
}
