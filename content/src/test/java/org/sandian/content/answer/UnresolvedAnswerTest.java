package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.Lang;

/** When the words do not name one commodity the engine asks or suggests; it never guesses. */
class UnresolvedAnswerTest {

    final AnswerEngine engine = DemoSnapshot.engine();

    @Test
    void anAmbiguousNameAsksTheFarmerToChoose() {
        Answer.Choose a = assertInstanceOf(Answer.Choose.class,
                engine.answer(Query.of(Intent.PRICE, "rice wuhan", Lang.EN, Channel.SMS)));
        assertEquals(Lang.EN, a.lang());
        assertEquals(List.of("101", "102"), a.candidates().stream().map(Candidate::code).sorted().toList());
        a.candidates().forEach(c -> assertEquals(Candidate.Kind.COMMODITY, c.kind()));
    }

    @Test
    void ambiguityInGuidanceAsksToo() {
        assertInstanceOf(Answer.Choose.class, engine.answer(Query.of(Intent.GUIDANCE, "rice harvest", Lang.EN, Channel.SMS)));
    }

    @Test
    void aNearMissIsNotFoundButSuggestsTheNearestCommodity() {
        Answer.NotFound a = assertInstanceOf(Answer.NotFound.class,
                engine.answer(Query.of(Intent.PRICE, "yum", Lang.EN, Channel.SMS)));
        assertEquals(Intent.PRICE, a.intent());
        assertEquals("yum", a.input());
        assertEquals(Intent.PRICE, a.suggestedIntent());
        assertEquals("104", a.suggestion().code());
    }

    @Test
    void aBareUnknownWordSuggestsAPriceQuestion() {
        Answer.NotFound a = assertInstanceOf(Answer.NotFound.class,
                engine.answer(Query.of(Intent.GUESS, "yum", Lang.EN, Channel.SMS)));
        assertEquals(Intent.GUESS, a.intent());
        assertEquals(Intent.PRICE, a.suggestedIntent());
        assertEquals("104", a.suggestion().code());
    }

    @Test
    void anUnknownCropInGuidanceSuggestsGuidance() {
        Answer.NotFound a = assertInstanceOf(Answer.NotFound.class,
                engine.answer(Query.of(Intent.GUIDANCE, "yum", Lang.ZH, Channel.SMS)));
        assertEquals(Intent.GUIDANCE, a.suggestedIntent());
        assertEquals("104", a.suggestion().code());
    }

    @Test
    void somethingWeDoNotTradeIsNotFoundWithoutASuggestion() {
        for (String terms : List.of("苹果", "xyz", "")) {
            Answer.NotFound a = assertInstanceOf(Answer.NotFound.class,
                    engine.answer(Query.of(Intent.PRICE, terms, Lang.ZH, Channel.SMS)), terms);
            assertNull(a.suggestion(), terms);
        }
    }
}
