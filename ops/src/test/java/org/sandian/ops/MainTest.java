package org.sandian.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void unknownCommandExitsWithUsageCode2() {
        assertEquals(2, Main.execute("frobnicate"));
    }

    @Test
    void badOptionExitsWith2() {
        assertEquals(2, Main.execute("serve", "--no-such-option"));
    }

    @Test
    void noCommandExitsWith2() {
        assertEquals(2, Main.execute());
    }

    @Test
    void helpExitsWith0() {
        assertEquals(0, Main.execute("--help"));
    }
}
