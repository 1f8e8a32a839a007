package org.sandian.content.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldTurnsFullWidthAndPunctuationIntoOneForm() {
        assertEquals("price玉米", TextNormalizer.fold("ＰＲＩＣＥ，玉米！"));
        assertEquals("price玉米", TextNormalizer.fold(" price 玉米 "));
        assertEquals("", TextNormalizer.fold(null));
    }

    @Test
    void cleanKeepsWordsApartButDropsPunctuation() {
        assertEquals("maize wuhan", TextNormalizer.clean("  ＭＡＩＺＥ，　Wuhan!! "));
        assertEquals("玉米 武汉", TextNormalizer.clean("玉米、武汉。"));
    }

    @Test
    void hanIsDetected() {
        assertTrue(TextNormalizer.hasHan("maize玉"));
        assertFalse(TextNormalizer.hasHan("maize 104"));
    }
}
