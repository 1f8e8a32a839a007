package org.sandian.broadcast.core;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.schedule.QuietHours;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/**
 * A message an officer sends to an audience on some channels, once or on a schedule.
 *
 * @param texts      the text in each language; a subscriber gets his language, else Chinese, else any
 * @param recordings per language, the officer's recorded message that voice calls play instead of
 *                   speaking that language's text (a sound name the voice channel stored); none = speech
 * @param channels   SMS and VOICE reach each recipient; TV and WEB publish once for the region
 * @param quietHours when no SMS or call goes out (null = any time)
 * @param validFor   how long after its firing an occurrence may still send (null = until sent);
 *                   what is unsent then is dropped and counted as expired
 * @param scope      the creating officer's region (null = hub-wide): who else may act on it
 * @param nextFireAt the next occurrence's time, null when none is due
 * @param fired      occurrences started so far
 * @param version    bumped by every change: concurrent changes are detected, not lost
 */
public record Broadcast(String id, String title, Map<Lang, String> texts, Map<Lang, String> recordings,
                        Set<Channel> channels, Audience audience,
                        Schedule schedule, QuietHours quietHours, Duration validFor, BroadcastState state,
                        String createdBy, String scope, String approvedBy, String note, Instant createdAt,
                        Instant updatedAt, Instant nextFireAt, int fired, long version) {

    public Broadcast {
        texts = texts == null || texts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(texts));
        recordings = recordings == null || recordings.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(recordings));
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    /** What one recipient gets: the text in his language, else Chinese, else any, with that language's recording. */
    public record Message(Lang lang, String text, String recording) {
    }

    /** The text a reader of {@code lang} gets: his language if written, else Chinese, else any. */
    public String textFor(Lang lang) {
        return messageFor(lang).text();
    }

    /** The message for a recipient of {@code lang}: the recording goes with the language whose text he gets. */
    public Message messageFor(Lang lang) {
        Lang chosen = lang != null && texts.containsKey(lang) ? lang
                : texts.containsKey(Lang.ZH) || texts.isEmpty() ? Lang.ZH : texts.keySet().iterator().next();
        return new Message(chosen, texts.get(chosen), recordings.get(chosen));
    }

    public Broadcast with(BroadcastState newState, String note, Instant now) {
        return new Broadcast(id, title, texts, recordings, channels, audience, schedule, quietHours, validFor, newState, createdBy,
                scope, approvedBy, note, createdAt, now, nextFireAt, fired, version + 1);
    }

    public Broadcast approved(String reviewer, Instant firstFire, Instant now) {
        return new Broadcast(id, title, texts, recordings, channels, audience, schedule, quietHours, validFor,
                BroadcastState.SCHEDULED, createdBy, scope, reviewer, note, createdAt, now, firstFire, fired,
                version + 1);
    }

    public Broadcast fired(Instant next, Instant now) {
        return new Broadcast(id, title, texts, recordings, channels, audience, schedule, quietHours, validFor,
                BroadcastState.SENDING, createdBy, scope, approvedBy, note, createdAt, now, next, fired + 1,
                version + 1);
    }

    public Broadcast nextFire(Instant next, BroadcastState newState, Instant now) {
        return new Broadcast(id, title, texts, recordings, channels, audience, schedule, quietHours, validFor, newState, createdBy,
                scope, approvedBy, note, createdAt, now, next, fired, version + 1);
    }
}
