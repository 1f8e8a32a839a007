package org.sandian.content.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, EditDistance.between("maize", "maize"));
        assertEquals(1, EditDistance.between("maiz", "maize"));
        assertEquals(1, EditDistance.between("coorn", "corn"));
        assertEquals(1, EditDistance.between("mazie", "maize"));
        assertEquals(1, EditDistance.between("玉咪", "玉米"));
        assertEquals(3, EditDistance.between("", "abc"));
    }

    @Test
    void shortWordsTolerateFewerTypos() {
        assertEquals(0, EditDistance.tolerance("ym"));
        assertEquals(0, EditDistance.tolerance("玉"));
        assertEquals(1, EditDistance.tolerance("玉米"));
        assertEquals(1, EditDistance.tolerance("maize"));
        assertEquals(2, EditDistance.tolerance("cucumber"));
    }
}
