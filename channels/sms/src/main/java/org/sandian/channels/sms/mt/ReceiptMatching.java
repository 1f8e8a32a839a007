package org.sandian.channels.sms.mt;

/** How the outbox finds the message a delivery receipt is for. */
public enum ReceiptMatching {
    /**
     * Every submitted part's SMSC id is written to {@code sms_receipts_index}: in a cluster the
     * SMSC may hand a receipt to any hub's bind, and that hub finds the part there.
     */
    SHARED_INDEX,
    /**
     * A hub alone remembers its parts in memory (their SMSC ids are stored with their MTs, and a
     * restart reads back those still awaiting a receipt); only the parts it forgets, or stops
     * with, go to the index.
     */
    IN_MEMORY,
    /** Receipts are not asked for: nothing is indexed or read back (a stray receipt is matched from memory if it can be). */
    NONE;

    /** What a hub uses: none without receipts, the shared index in a cluster, memory alone. */
    public static ReceiptMatching of(boolean receipts, boolean clustered) {
        return !receipts ? NONE : clustered ? SHARED_INDEX : IN_MEMORY;
    }
}
