package org.sandian.channels.voice;

/** The voice channel's own event-bus addresses (the shared ones are in content's Addresses). */
public final class VoiceAddresses {

    private VoiceAddresses() {
    }

    /**
     * Request: {@code VoiceCallRequest} -> call id (String) once accepted; failure 503 when the dialer's
     * queue is full (offer it again later). A call id already accepted is answered, not called again. Served by the voice channel
     * when a manager connection is configured; the broadcast module places voice broadcasts here.
     */
    public static final String CALL = "sandian.voice.call";

    /** Published: {@code VoiceCallOutcome} for each attempt of an outbound call and its final state. */
    public static final String CALL_OUTCOME = "sandian.voice.call.outcome";

    /** Published, no body: an officer stored a new menu version; the channel reloads and validates it. */
    public static final String MENU_CHANGED = "sandian.voice.menu.changed";
}
