package org.sandian.channels.tv;

import java.time.Instant;
import java.util.List;
import org.sandian.content.model.LocalizedText;

/**
 * A broadcast marked for TV, as the broadcast module publishes it on {@link TvItems#ADDRESS}.
 * Publishing the same id again replaces it; publishing it with {@code validUntil} in the past
 * withdraws it.
 *
 * @param id          the broadcast's id
 * @param text        one line for the board and the caption feed, in both languages
 * @param regionScope 12-digit region codes it is for; empty means everywhere
 * @param validFrom   shown from (UTC), or null for at once
 * @param validUntil  shown until (UTC), or null for until withdrawn
 */
public record TvItem(String id, LocalizedText text, List<String> regionScope, Instant validFrom, Instant validUntil) {

    public boolean isShownAt(Instant now) {
        return (validFrom == null || !validFrom.isAfter(now)) && (validUntil == null || validUntil.isAfter(now));
    }
}
