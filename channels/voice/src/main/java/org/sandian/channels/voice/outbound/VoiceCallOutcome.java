package org.sandian.channels.voice.outbound;

import java.time.Instant;
import java.util.Locale;
import org.sandian.content.bus.SmsStatus;

/**
 * What became of one attempt of an outbound call, published on {@code VoiceAddresses.CALL_OUTCOME}.
 * {@code last} is true for the call's final report: no further attempt follows.
 */
public record VoiceCallOutcome(String callId, String broadcastId, String callee, int attempt, Result result,
                               boolean subscribed, boolean last, Instant at) {

    /**
     * The final report as the state of the broadcast entry behind the call (its call id is the
     * entry's key): delivered once answered, failed with the result otherwise; null before the last report.
     */
    public SmsStatus entryStatus() {
        if (!last) return null;
        return result.failed()
                ? new SmsStatus(callId, callee, SmsStatus.State.FAILED, null, result.name().toLowerCase(Locale.ROOT), at)
                : new SmsStatus(callId, callee, SmsStatus.State.DELIVERED, null, null, at);
    }

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
