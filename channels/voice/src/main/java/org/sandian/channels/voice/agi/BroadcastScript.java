package org.sandian.channels.voice.agi;

import java.util.List;
import java.util.function.Supplier;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.channels.voice.menu.VoiceMenu;
import org.sandian.channels.voice.outbound.OutboundDialer;
import org.sandian.channels.voice.outbound.VoiceCallRequest;
import org.sandian.channels.voice.speech.AnswerScripts;
import org.sandian.channels.voice.speech.BroadcastRecordings;
import org.sandian.channels.voice.speech.Part;
import org.sandian.channels.voice.speech.SpeechRenderer;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.model.Lang;

/**
 * The {@code broadcast} AGI script, run by the answered leg of an outbound call: plays the message
 * (the officer's recording when the call has one on disk, else its text through speech synthesis),
 * then, for a broadcast, "1 to hear it again, 2 to get these by SMS"; for an answer to the callee's
 * own question (nothing to subscribe to) the hotline's "* to hear it again, # to go back", where #
 * ends the call. The callee and call id come from channel variables set by the Originate: on this
 * leg Asterisk's caller id is not the number dialled.
 */
public final class BroadcastScript implements AgiScript {

    private final VoiceOptions options;
    private final Supplier<VoiceMenu> menu;
    private final SpeechRenderer speech;
    private final HubClient hub;
    private final OutboundDialer dialer;
    private final BroadcastRecordings recordings;

    public BroadcastScript(VoiceOptions options, Supplier<VoiceMenu> menu, SpeechRenderer speech, HubClient hub,
                           OutboundDialer dialer, BroadcastRecordings recordings) {
        this.options = options;
        this.menu = menu;
        this.speech = speech;
        this.hub = hub;
        this.dialer = dialer;
        this.recordings = recordings;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        VoiceMenu m = menu.get();
        String callId = channel.getVariable(VoiceOptions.OUTBOUND_VARIABLES.get(0));
        String callee = channel.getVariable(VoiceOptions.OUTBOUND_VARIABLES.get(1));
        CallLog log = new CallLog(request.getUniqueId(), "broadcast", callee);
        VoiceCallRequest call = dialer == null ? null : dialer.request(callId);
        if (call == null) {
            log.step("unknown call id " + callId);
            channel.hangup();
            log.end("unknown-call");
            return;
        }
        Lang lang = call.lang() == null ? Lang.ZH : call.lang();
        Dialogue d = new Dialogue(channel, speech, options, log, m.prompt("invalid"), lang);
        try {
            play(d, m, call, callId, callee);
            channel.hangup();
            log.end("done");
        } catch (AgiHangupException e) {
            log.end("callee-hung-up");
        } catch (Goodbye g) {
            log.step(g.getMessage());
            try {
                d.play(d.parts(m.prompt("goodbye")));
                channel.hangup();
                log.end("goodbye");
            } catch (AgiHangupException e) {
                log.end("callee-hung-up");
            }
        }
    }

    private void play(Dialogue d, VoiceMenu m, VoiceCallRequest call, String callId, String callee)
            throws AgiException, Goodbye {
        List<Part> message = message(d, call);
        boolean answer = call.kind() == VoiceCallRequest.Kind.ANSWER;
        List<Part> offer = d.parts(m.prompt(answer ? "afterAnswer" : "broadcastOptions"));
        char again = answer ? Dialogue.REPEAT : '1';
        Dialogue.Attempts attempts = d.attempts(answer ? "answer" : "broadcast");
        char k = d.play(message);
        if (k == Dialogue.NONE) heardToTheEnd(d, callId);
        while (true) {
            if (k == Dialogue.NONE) k = d.ask(offer);
            if (k == again) {
                attempts.repeatAsked();
                d.log().step("again");
                k = d.play(message);
                if (k == Dialogue.NONE) heardToTheEnd(d, callId);
            } else if (k == '2' && !answer && call.subscribeTerms() != null) {
                Answer a = hub.answer(new Query(Intent.SUBSCRIBE, call.subscribeTerms(), d.lang(), Channel.VOICE, callee,
                        null, 1));
                d.log().step("subscribe " + call.subscribeTerms() + " -> " + HotlineScript.kindOf(a));
                if (a instanceof Answer.Done) dialer.subscribed(callId);
                d.play(d.parts(m.prompt(a instanceof Answer.Done ? "subscribed" : "invalid")));
                d.play(d.parts(m.prompt("goodbye")));
                return;
            } else if (k == Dialogue.BACK) {
                d.play(d.parts(m.prompt("goodbye")));
                return;
            } else {
                attempts.failed(k);
                k = Dialogue.NONE;
            }
        }
    }

    /** The recording when it is on disk; its text spoken otherwise (no recording, or one gone missing). */
    private List<Part> message(Dialogue d, VoiceCallRequest call) {
        String sound = call.recording() == null ? null : recordings.soundOf(call.recording());
        if (sound != null) return List.of(new Part.Sound(sound));
        if (call.recording() != null) d.log().step("recording-missing " + call.recording() + ", speaking the text");
        // An answer call's text is a script made by AnswerScripts; a broadcast's is the officer's own words.
        return d.parts(call.kind() == VoiceCallRequest.Kind.ANSWER ? call.text() : AnswerScripts.officerText(call.text()));
    }

    private void heardToTheEnd(Dialogue d, String callId) {
        d.log().step("listened-to-end");
        dialer.listened(callId);
    }
}
