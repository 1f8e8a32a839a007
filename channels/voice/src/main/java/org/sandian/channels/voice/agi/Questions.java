package org.sandian.channels.voice.agi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.io.IOException;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.channels.voice.menu.MenuNode;
import org.sandian.channels.voice.menu.VoiceMenu;
import org.sandian.channels.voice.speech.AnswerScripts;
import org.sandian.channels.voice.speech.SharedSounds;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.TicketCommand;
import org.sandian.content.model.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Menu 5: the caller speaks a question (RECORD FILE, up to 60 s, # ends it); the questions desk
 * stores it with the recording's name and gives a ticket number, which is read back and sent by SMS.
 */
final class Questions {

    private static final Logger log = LoggerFactory.getLogger(Questions.class);
    static final int MAX_RECORD_MS = 60_000;
    static final int SILENCE_ENDS_S = 6;
    private static final String TEXT_ZH = "语音留言";
    private static final String TEXT_EN = "Spoken question";

    private final VoiceOptions options;
    private final HubClient hub;
    private final AnswerScripts scripts;
    private final SharedSounds shared;

    Questions(VoiceOptions options, HubClient hub, AnswerScripts scripts, SharedSounds shared) {
        this.options = options;
        this.hub = hub;
        this.scripts = scripts;
        this.shared = shared;
    }

    /** How menu 5 ended: the menu goes back after STORED and BACK, and offers it again after FAILED. */
    enum Outcome { STORED, BACK, FAILED }

    Outcome ask(Dialogue d, VoiceMenu m, MenuNode node, String caller, String uniqueId, String region)
            throws AgiException, Goodbye {
        char k = d.play(d.parts(node.prompt()));
        if (k == Dialogue.BACK) return Outcome.BACK;
        String file = recordingFile(uniqueId);
        Lang lang = d.lang();
        char end;
        try {
            end = d.channel().recordFile(file, "wav", "#", MAX_RECORD_MS, 0, true, SILENCE_ENDS_S);
        } catch (AgiHangupException e) {
            // Hanging up is the usual way to end a message: the recording is kept, so is the question.
            if (recorded(file)) {
                d.log().step("recorded " + Path.of(file).getFileName() + " end=hangup");
                store(d, file, caller, region, lang);
            }
            throw e;
        }
        d.log().step("recorded " + Path.of(file).getFileName() + " end=" + (Dialogue.isKey(end) ? end : '-'));
        Answer a = store(d, file, caller, region, lang);
        d.listen(d.parts(scripts.script(a, d.lang())), d.parts(m.prompt("afterAnswer")));
        return a instanceof Answer.Ticket ? Outcome.STORED : Outcome.FAILED;
    }

    /** The question to the questions desk, and its ticket number to the caller by SMS. */
    private Answer store(Dialogue d, String file, String caller, String region, Lang lang) {
        share(d, file);
        TicketCommand command = new TicketCommand(Intent.ASK, caller, Channel.VOICE, lang == Lang.EN ? TEXT_EN : TEXT_ZH,
                file + ".wav", region, lang);
        Answer a = hub.ticket(command);
        d.log().step("ticket -> " + HotlineScript.kindOf(a));
        if (a instanceof Answer.Ticket t && caller != null) {
            boolean sent = hub.sms(new OutboundSms("voice-ticket-" + t.number(), caller,
                    scripts.ticketSms(t.number(), lang), OutboundSms.Priority.REPLY, "voice-ticket"));
            d.log().step("ticket sms " + (sent ? "queued" : "not-queued"));
        }
        return a;
    }

    /**
     * The recording to the store, so an officer whose console runs on another hub hears it too. A
     * store that fails does not lose the question: it is still heard on this hub.
     */
    private void share(Dialogue d, String file) {
        String name = SharedSounds.questionName(file);
        try {
            shared.share(name);
        } catch (RuntimeException e) {
            d.log().step("recording not shared");
            log.warn("question recording {} not shared with the other hubs: {}", name, e.toString());
        }
    }

    /** Whether Asterisk left a non-empty recording (it shares soundsDir with the hub). */
    private static boolean recorded(String file) {
        try {
            return Files.size(Path.of(file + ".wav")) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** soundsDir/questions/yyyy-mm-dd/<uniqueid>: where Asterisk writes and officers listen. */
    private String recordingFile(String uniqueId) {
        Path dir = options.soundsDir().toAbsolutePath().resolve("questions").resolve(LocalDate.now(ZoneOffset.UTC).toString());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            // Asterisk may write there with its own rights; the path is still the right one.
        }
        String safe = uniqueId == null ? String.valueOf(System.nanoTime()) : uniqueId.replaceAll("[^0-9A-Za-z._-]", "_");
        return dir.resolve("q-" + safe).toString();
    }
}
