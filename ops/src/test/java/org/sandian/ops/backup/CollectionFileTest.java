package org.sandian.ops.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CollectionFileTest {

    @Test
    void plainNamesStayReadableAndOthersBecomeOneSafeFileName() {
        assertEquals("prices.jsonl", CollectionFile.fileName("prices"));
        assertEquals("sms.outbox.jsonl", CollectionFile.fileName("sms.outbox"));
        assertEquals("%E4%BB%B7%E6%A0%BC.jsonl", CollectionFile.fileName("价格"));
        assertEquals("a%2Fb.jsonl", CollectionFile.fileName("a/b"));
        assertEquals("%2Ehidden.jsonl", CollectionFile.fileName(".hidden"));
    }
}
