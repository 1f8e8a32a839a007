package org.sandian.channels.voice.outbound;

import org.sandian.content.model.Lang;

/**
 * An outbound call to one person, sent on {@code VoiceAddresses.CALL}: a voice broadcast to a
 * subscriber, or an officer's answer spoken to the asker of a hotline question.
 *
 * @param callId         the caller's id for this call, or null for a new one: the dialer places each id once
 *                       (while the process lives), so a request sent again does not ring twice
 * @param broadcastId    the broadcast it belongs to (reports, and a channel variable on the call), or null
 * @param callee         E.164 number to call
 * @param text           the message, spoken by the speech renderer when there is no recording (or it is missing)
 * @param recording      the officer's recorded message, as {@code BroadcastRecordings} named it, played instead
 *                       of the text; or null
 * @param lang           the language of the message and prompts
 * @param subscribeTerms what key 2 subscribes the callee to, as SMS terms ("price 104", "notices"), or null
 * @param kind           what the call is for: the prompts after the message follow it (null: a broadcast)
 */
public record VoiceCallRequest(String callId, String broadcastId, String callee, String text, String recording, Lang lang,
                               String subscribeTerms, Kind kind) {

    /** What a call is for; the {@code broadcast} script offers what fits it after the message. */
    public enum Kind {
        /** "1 to hear it again, 2 to get these by SMS". */
        BROADCAST,
        /** An answer to the callee's own question: "* to hear it again, # to end", nothing to subscribe to. */
        ANSWER
    }

    public VoiceCallRequest {
        // a request from a node that does not know kinds yet is a broadcast
        kind = kind == null ? Kind.BROADCAST : kind;
    }

    /** A voice broadcast call. */
    public VoiceCallRequest(String callId, String broadcastId, String callee, String text, String recording, Lang lang,
                            String subscribeTerms) {
        this(callId, broadcastId, callee, text, recording, lang, subscribeTerms, Kind.BROADCAST);
    }

    /** An answer spoken to the person who asked: {@code text} is the spoken script. */
    public static VoiceCallRequest answer(String callId, String callee, String text, Lang lang) {
        return new VoiceCallRequest(callId, null, callee, text, null, lang, null, Kind.ANSWER);
    }
}
