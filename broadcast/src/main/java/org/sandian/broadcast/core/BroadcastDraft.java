package org.sandian.broadcast.core;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.schedule.QuietHours;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/** What an officer writes; the hub adds id, state, people and times. */
public record BroadcastDraft(String title, Map<Lang, String> texts, Set<Channel> channels, Audience audience,
                             Schedule schedule, QuietHours quietHours, Duration validFor) {
}
