package org.sandian.channels.voice.outbound;

import org.sandian.content.model.Lang;

/**
 * A voice broadcast call to one subscriber, sent on {@code VoiceAddresses.CALL}.
 *
 * @param callId         the caller's id for this call, or null for a new one: the dialer places each id once
 *                       (while the process lives), so a request sent again does not ring twice
 * @param broadcastId    the broadcast it belongs to (reports, and a channel variable on the call)
 * @param callee         E.164 number to call
 * @param text           the message, spoken by the speech renderer when there is no recording (or it is missing)
 * @param recording      the officer's recorded message, as {@code BroadcastRecordings} named it, played instead
 *                       of the text; or null
 * @param lang           the language of the message and prompts
 * @param subscribeTerms what key 2 subscribes the callee to, as SMS terms ("price 104", "notices"), or null
 */
public record VoiceCallRequest(String callId, String broadcastId, String callee, String text, String recording, Lang lang,
                               String subscribeTerms) {
}
