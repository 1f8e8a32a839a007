package org.sandian.channels.sms.dialogue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.sandian.content.model.Lang;

/**
 * How the keyword dialogue behaves; ops passes it in.
 *
 * @param ownNumbers   our sender ids / short codes: a message from one of them is never answered
 * @param replyLimit   replies per number per {@code limitWindow}; past it one notice, then silence
 *                     for {@code quietFor}; 0 turns the limit off
 * @param limitWindow  the window of {@code replyLimit}
 * @param quietFor     how long a number that went over the limit gets nothing
 * @param pageParts    SMS parts one reply page may use (2: 134 UCS-2 or 306 GSM-7 characters)
 * @param pagesKeptFor how long MORE can fetch the rest of a long answer
 * @param zone         the hub's time zone, for dates in replies
 * @param defaultLang  the language of texts made before the engine answers (flood notice, no more pages)
 */
public record DialogueOptions(Set<String> ownNumbers, int replyLimit, Duration limitWindow, Duration quietFor,
                              int pageParts, Duration pagesKeptFor, ZoneId zone, Lang defaultLang) {

    public DialogueOptions {
        ownNumbers = Set.copyOf(ownNumbers);
    }

    /** 10 replies a minute then 10 minutes of silence, 2-part pages kept 30 minutes, Asia/Shanghai. */
    public static DialogueOptions defaults(Set<String> ownNumbers) {
        return new DialogueOptions(ownNumbers, 10, Duration.ofMinutes(1), Duration.ofMinutes(10), 2,
                Duration.ofMinutes(30), ZoneId.of("Asia/Shanghai"), Lang.ZH);
    }

    public DialogueOptions withReplyLimit(int limit, Duration window, Duration quiet) {
        return new DialogueOptions(ownNumbers, limit, window, quiet, pageParts, pagesKeptFor, zone, defaultLang);
    }

    public DialogueOptions withPageParts(int parts) {
        return new DialogueOptions(ownNumbers, replyLimit, limitWindow, quietFor, parts, pagesKeptFor, zone, defaultLang);
    }

    public DialogueOptions withZone(ZoneId z, Lang lang) {
        return new DialogueOptions(ownNumbers, replyLimit, limitWindow, quietFor, pageParts, pagesKeptFor, z, lang);
    }
}
