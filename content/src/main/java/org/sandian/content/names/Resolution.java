package org.sandian.content.names;

import java.util.List;

/** The outcome of resolving a name: one thing, several equally good, or none (with the nearest). */
public sealed interface Resolution<T> {

    /** How a match was made, best first. */
    enum How { EXACT, PINYIN, INITIALS, FUZZY }

    record Found<T>(T item, How how) implements Resolution<T> {
    }

    record Ambiguous<T>(List<T> candidates, How how) implements Resolution<T> {
    }

    /** Nothing close enough; {@code nearest} is the closest known item, or null when none is near. */
    record Unknown<T>(T nearest) implements Resolution<T> {
    }
}
