package org.sandian.ops.console;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.sandian.channels.voice.VoiceChannel;
import org.sandian.channels.voice.outbound.VoiceCallRequest;
import org.sandian.channels.voice.outbound.VoiceCaller;
import org.sandian.channels.voice.speech.AnswerScripts;
import org.sandian.channels.voice.speech.VoiceTemplates;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.model.Lang;
import org.sandian.content.questions.Question;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call back to the asker of a spoken question: the voice channel rings the asker through
 * Asterisk's manager interface and its {@code broadcast} script speaks the answer, in the asker's
 * language, as an answer call ("* to hear it again", nothing to subscribe to). The call id is the
 * answer's own, so the same answer sent again does not ring twice.
 */
final class AnswerCall {

    private static final Logger log = LoggerFactory.getLogger(AnswerCall.class);
    /** The voice channel answers once the call is queued, not when it rings. */
    private static final long ACCEPT_WAIT_MS = 10_000;

    private final VoiceChannel voice;
    private final VoiceCaller caller;
    private final AnswerScripts scripts = new AnswerScripts(new VoiceTemplates());

    /** {@code voice} may be null (no voice channel): no call is ever placed. */
    AnswerCall(Vertx vertx, VoiceChannel voice) {
        this.voice = voice;
        this.caller = VoiceCaller.proxy(vertx);
    }

    /**
     * Asks the voice channel to call {@code q}'s asker with its answer; returns what the officer is
     * told about the SMS ({@code smsSent}) and the call together. Blocking: run it on a worker.
     */
    String place(Question q, String callId, boolean smsSent) {
        String sms = smsSent ? "the answer is on its way by SMS" : "the SMS could not be queued";
        String cannot = voice == null || !voice.placesCalls()
                ? "this hub has no Asterisk manager interface configured (ami.host)"
                : !voice.speaksText() ? "text-to-speech is off on this hub, so the answer cannot be spoken" : null;
        if (cannot != null) {
            log.info("question {}: no call back to {}: {}", q.number(), PhoneMask.mask(q.phone()), cannot);
            return (smsSent ? "only the SMS was sent" : "nothing was sent") + "; the asker is not called back: " + cannot;
        }
        Lang lang = q.lang() == null ? Lang.ZH : q.lang();
        VoiceCallRequest call = VoiceCallRequest.answer(callId, q.phone(), scripts.answerCall(q.number(), q.answer(), lang), lang);
        try {
            caller.call(call).toCompletionStage().toCompletableFuture().get(ACCEPT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.toString();
            log.warn("question {}: call back to {} not placed: {}", q.number(), PhoneMask.mask(q.phone()), why);
            return sms + ", but the call to the asker could not be placed (" + why + "); the answer is saved";
        }
        log.info("question {}: call back {} to {} queued", q.number(), callId, PhoneMask.mask(q.phone()));
        return sms + (smsSent ? " and" : ", but") + " a call to the asker will speak it";
    }
}
