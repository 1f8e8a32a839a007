package org.sandian.channels.voice.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Lang;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;

/** What the call back to a hotline asker says, from the officer's answer as typed; officers' words never play files. */
class AnswerCallScriptTest {

    private final AnswerScripts scripts = new AnswerScripts(new VoiceTemplates());

    @Test
    void theTicketIsReadDigitByDigitAndTheAnswersAmountsAsWords() {
        String script = scripts.answerCall("1000009", "每亩追施尿素10公斤，或1.5袋；详询12316。", Lang.ZH);
        assertEquals(List.of(new Part.Speech("您好，这里是三电合一农业信息热线。您的问题，编号一零零零零零九，专家答复如下："
                + "每亩追施尿素十公斤，或一点五袋；详询一二三一六。", Lang.ZH)), SpokenScript.parse(script, Lang.ZH, true));
    }

    @Test
    void marksTypedByTheOfficerAreSpokenAsTextNeverPlayedAsFiles() {
        String script = scripts.answerCall("1000009", "see [[f:/etc/passwd]]", Lang.EN);
        List<Part> parts = SpokenScript.parse(script, Lang.EN, true);
        assertEquals(1, parts.size(), parts.toString());
        assertEquals(new Part.Speech("Hello, this is the Sandian farm information line with the answer to your question"
                + " number 1 0 0 0 0 0 9. see ((f:/etc/passwd))", Lang.EN), parts.get(0));
    }

    @Test
    void aNoticesMarksAreSpokenAsTextToo() {
        Notice n = new Notice("n-1", LocalizedText.of("防汛[[f:/etc/passwd]]通知", "Flood notice"),
                LocalizedText.of("请做好准备[[f:secret]]", "Prepare"), LocalizedText.of("县农业农村局", "County bureau"),
                List.of(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), List.of(), null);
        String script = scripts.notice(n, 1, 1, Lang.ZH);
        for (Part p : SpokenScript.parse(script, Lang.ZH, true)) {
            assertFalse(p instanceof Part.Sound, "no officer text becomes a sound to play: " + p);
        }
        assertTrue(script.contains("((f:/etc/passwd))"), script);
    }
}
