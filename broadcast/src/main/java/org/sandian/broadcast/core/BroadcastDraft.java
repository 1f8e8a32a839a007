package org.sandian.broadcast.core;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.schedule.QuietHours;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/**
 * What an officer writes; the hub adds id, state, people and times.
 *
 * @param recordings per language, a recorded message stored through {@link Recordings} (null or empty: none)
 */
public record BroadcastDraft(String title, Map<Lang, String> texts, Set<Channel> channels, Audience audience,
                             Schedule schedule, QuietHours quietHours, Duration validFor, Map<Lang, String> recordings) {

    /** A draft without recordings: every call speaks the text. */
    public BroadcastDraft(String title, Map<Lang, String> texts, Set<Channel> channels, Audience audience,
                          Schedule schedule, QuietHours quietHours, Duration validFor) {
        this(title, texts, channels, audience, schedule, quietHours, validFor, Map.of());
    }
}
