package org.sandian.broadcast;

/** Bus addresses used only inside the broadcast module (the hub-wide ones are in content's Addresses). */
public final class BroadcastAddresses {

    private BroadcastAddresses() {
    }

    /** Published: phone (String) whose subscriber record changed, or "*" after an import; profile caches drop it. */
    public static final String SUBSCRIBER_CHANGED = "sandian.broadcast.subscriber-changed";

    /** Published: broadcast id (String) whose state changed (pause, resume, cancel): senders re-read it. */
    public static final String BROADCAST_CHANGED = "sandian.broadcast.changed";

    /**
     * Published: a JSON object {@code {id, title, texts: {zh, en}, channels, regions, at}} when a
     * broadcast with the TV or WEB channel fires, for the TV board and ticker and the web notices.
     */
    public static final String NOTICE = "sandian.broadcast.notice";
}
