package org.sandian.content.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {

    private final List<String> computed = new ArrayList<>();

    private String shout(String s) {
        computed.add(s);
        return s.toUpperCase();
    }

    @Test
    void anInputAskedAgainIsNotComputedAgain() {
        Memo<String, String> memo = new Memo<>(10);
        assertEquals("MAIZE", memo.get("maize", this::shout));
        assertEquals("MAIZE", memo.get("maize", this::shout));
        assertEquals("RICE", memo.get("rice", this::shout));
        assertEquals(List.of("maize", "rice"), computed);
    }

    @Test
    void pastItsSizeItStartsOver() {
        Memo<String, String> memo = new Memo<>(2);
        memo.get("a", this::shout);
        memo.get("b", this::shout);
        memo.get("c", this::shout); // full: forgets a and b
        memo.get("c", this::shout);
        memo.get("a", this::shout);
        assertEquals(List.of("a", "b", "c", "a"), computed);
    }
}
