package org.sandian.content.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolutions are remembered by each index, so by each content snapshot, never across them. */
class RememberedResolutionTest {

    @Test
    void aTypoAskedAgainGetsTheSameAnswerFromTheSameIndex() {
        NameIndex<String> names = new NameIndex<>(List.of("maize", "millet"), List::of);
        Resolution<String> first = names.resolve("maiez");
        assertEquals(new Resolution.Found<>("maize", Resolution.How.FUZZY), first);
        assertSame(first, names.resolve("maiez"));
    }

    @Test
    void theNextSnapshotsIndexResolvesByItsOwnNames() {
        NameIndex<String> before = new NameIndex<>(List.of("maize"), List::of);
        NameIndex<String> after = new NameIndex<>(List.of("sorghum"), List::of);
        assertEquals(new Resolution.Found<>("maize", Resolution.How.FUZZY), before.resolve("maiez"));
        assertEquals(new Resolution.Unknown<String>(null), after.resolve("maiez"));
    }
}
