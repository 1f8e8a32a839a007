package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.names.Resolution;

/** Places by the names farmers use: without suffixes, in pinyin, by a part of a market's name, by code. */
class PlaceResolutionTest {

    final AnswerEngine engine = DemoSnapshot.engine();

    @ParameterizedTest
    @CsvSource({
            "武汉, REGION, 420100000000",
            "武汉市, REGION, 420100000000",
            "Wuhan, REGION, 420100000000",
            "潜江, REGION, 429005000000",
            "熊口, REGION, 429005104000",
            "金口, REGION, 420115004000",
            "Jinkou, REGION, 420115004000",
            "赵脑村, REGION, 429005104201",
            "429005104201, REGION, 429005104201",
            "湖南, REGION, 430000000000",
            "白沙洲, MARKET, wuhan-baishazhou",
            "baishazhou, MARKET, wuhan-baishazhou",
            "马王堆, MARKET, changsha-mawangdui",
            "wuhn, REGION, 420100000000"})
    void aPlaceIsFoundByTheNamesFarmersUse(String words, Candidate.Kind kind, String code) {
        Resolution<Candidate> r = engine.place(words);
        Resolution.Found<Candidate> found = assertInstanceOf(Resolution.Found.class, r, () -> words + " -> " + r);
        assertEquals(kind, found.item().kind(), words);
        assertEquals(code, found.item().code(), words);
    }

    @Test
    void aPartSharedBySeveralMarketNamesAsksWhichOne() {
        long wholesale = DemoSnapshot.data().markets().stream().filter(m -> m.name().zh().contains("批发市场")).count();
        Resolution.Ambiguous<Candidate> r = assertInstanceOf(Resolution.Ambiguous.class, engine.place("批发市场"));
        assertEquals(wholesale, r.candidates().size(), r.candidates().toString());
        r.candidates().forEach(c -> assertEquals(Candidate.Kind.MARKET, c.kind()));
    }

    @Test
    void anUnknownPlaceIsNotGuessed() {
        assertInstanceOf(Resolution.Unknown.class, engine.place("火星"));
        assertInstanceOf(Resolution.Unknown.class, engine.place("000000000000"));
    }
}
