package org.sandian.channels.voice.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Lang;

class SpokenScriptTest {

    @Test
    void withSpeechNumbersBecomeChineseWordsInOneUtterance() {
        List<Part> parts = SpokenScript.parse("玉米，均价[[n:2.30]]元每公斤，\n编号[[d:305]]。", Lang.ZH, true);
        assertEquals(List.of(new Part.Speech("玉米，均价二点三元每公斤， 编号三零五。", Lang.ZH)), parts);
    }

    @Test
    void withSpeechEnglishNumbersStayNumeralsForTheEnglishVoice() {
        List<Part> parts = SpokenScript.parse("average [[n:2.30]] yuan, number [[d:305]].", Lang.EN, true);
        assertEquals(List.of(new Part.Speech("average 2.3 yuan, number 3 0 5.", Lang.EN)), parts);
    }

    @Test
    void withoutSpeechAsteriskSaysTheNumbersAndRecordedSoundsStay() {
        List<Part> parts = SpokenScript.parse("[[f:sandian/maize-zh]]均价[[n:2.35]]元，编号[[d:305]]", Lang.ZH, false);
        assertEquals(List.of(new Part.Sound("sandian/maize-zh"), new Part.Number("2"), new Part.Sound(SpokenScript.POINT_SOUND),
                new Part.Digits("35"), new Part.Digits("305")), parts);
    }

    @Test
    void soundMarksSplitTheSpokenText() {
        List<Part> parts = SpokenScript.parse("前[[f:beep]]后", Lang.ZH, true);
        assertEquals(List.of(new Part.Speech("前", Lang.ZH), new Part.Sound("beep"), new Part.Speech("后", Lang.ZH)), parts);
    }
}
