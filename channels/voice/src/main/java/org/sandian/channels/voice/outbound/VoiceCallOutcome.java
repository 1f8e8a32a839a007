package org.sandian.channels.voice.outbound;

import java.time.Instant;

/**
 * What became of one attempt of an outbound call, published on {@code VoiceAddresses.CALL_OUTCOME}.
 * {@code last} is true for the call's final report: no further attempt follows.
 */
public record VoiceCallOutcome(String callId, String broadcastId, String callee, int attempt, Result result,
                               boolean subscribed, boolean last, Instant at) {

    public enum Result {
        /** Picked up (reported at once; a second report says whether the message was heard to its end). */
        ANSWERED,
        /** Picked up and the whole message played. */
        LISTENED_TO_END,
        NO_ANSWER,
        BUSY,
        /** Congestion, no such number, channel unavailable, or Asterisk refused the Originate. */
        FAILED;

        /** From an OriginateResponse's reason (Asterisk's AST_CONTROL_* codes). */
        public static Result ofReason(Integer reason) {
            if (reason == null) return FAILED;
            return switch (reason) {
                case 4 -> ANSWERED;
                case 5 -> BUSY;
                case 1, 3 -> NO_ANSWER;
                default -> FAILED;
            };
        }

        public boolean failed() {
            return this == NO_ANSWER || this == BUSY || this == FAILED;
        }
    }
}
