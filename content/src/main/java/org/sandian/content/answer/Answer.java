package org.sandian.content.answer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Notice;

/**
 * What the engine answers: structured data, never channel text. Each channel renders every kind
 * with its own templates, in {@link #lang()}, which is the farmer's language after his profile.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Answer.Prices.class, name = "prices"),
        @JsonSubTypes.Type(value = Answer.Tips.class, name = "tips"),
        @JsonSubTypes.Type(value = Answer.Notices.class, name = "notices"),
        @JsonSubTypes.Type(value = Answer.Help.class, name = "help"),
        @JsonSubTypes.Type(value = Answer.Choose.class, name = "choose"),
        @JsonSubTypes.Type(value = Answer.NotFound.class, name = "not-found"),
        @JsonSubTypes.Type(value = Answer.Done.class, name = "done"),
        @JsonSubTypes.Type(value = Answer.Ticket.class, name = "ticket"),
        @JsonSubTypes.Type(value = Answer.Failed.class, name = "failed")})
public sealed interface Answer {

    Lang lang();

    /**
     * Latest prices of one commodity, nearest markets first. {@code place} is the market or region
     * asked for, or null; {@code rows} is empty when no market has reported the commodity lately.
     */
    record Prices(Lang lang, Commodity commodity, Candidate place, List<PriceRow> rows) implements Answer {
    }

    /** Guidance items for a crop, this season's and the asked topic's first. */
    record Tips(Lang lang, Commodity crop, String topic, List<Guidance> items) implements Answer {
    }

    /** Notices in force for a region (all regions when {@code regionCode} is null), newest first. */
    record Notices(Lang lang, String regionCode, List<Notice> items) implements Answer {
    }

    /** The short menu. */
    record Help(Lang lang) implements Answer {
    }

    /** The words matched several things equally well: the farmer picks one. */
    record Choose(Lang lang, String input, List<Candidate> candidates) implements Answer {
    }

    /**
     * Nothing matched. {@code suggestion} is the nearest thing we know (or null) and
     * {@code suggestedIntent} what to ask about it, so a channel can say "did you mean: 价格 玉米?".
     */
    record NotFound(Lang lang, Intent intent, String input, Intent suggestedIntent, Candidate suggestion)
            implements Answer {
    }

    /** An action took effect: subscribed, unsubscribed, registered, language changed. */
    record Done(Lang lang, Intent action, String subject, String detail) implements Answer {
    }

    /** A consultation or complaint: its number, state and, once given, the officer's answer. */
    record Ticket(Lang lang, String number, Intent kind, String state, String answer, Instant created)
            implements Answer {
    }

    /** The hub could not do it now (a store or service down): say so politely, never crash. */
    record Failed(Lang lang, Intent intent, String reason) implements Answer {
    }


    /** Pages needed for {@code total} items shown {@code perPage} at a time (at least one). */
    static int pages(int total, int perPage) {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    /** The slice of {@code items} for 1-based {@code page}; an out-of-range page gives the last one. */
    static <T> List<T> slice(List<T> items, int page, int perPage) {
        int last = pages(items.size(), perPage);
        int p = Math.min(Math.max(page, 1), last);
        return items.subList(Math.min((p - 1) * perPage, items.size()), Math.min(p * perPage, items.size()));
    }
}
