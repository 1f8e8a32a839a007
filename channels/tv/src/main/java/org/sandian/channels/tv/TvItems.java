package org.sandian.channels.tv;

import java.time.Instant;
import java.util.List;

/** Where the board gets the broadcasts marked for TV. */
public interface TvItems {

    /** Published (to every node): a {@link TvItem}, sent with {@code RecordCodec.options(TvItem.class)}. */
    String ADDRESS = "sandian.tv.items";

    /** The items shown now in {@code regionCode} (every item when null), newest first. */
    List<TvItem> current(String regionCode, Instant now);

    TvItems NONE = (region, now) -> List.of();
}
