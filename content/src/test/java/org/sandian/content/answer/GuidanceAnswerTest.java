package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;

/** Guidance for a crop: the asked topic first, then this season's, then all-year, then coming seasons. */
class GuidanceAnswerTest {

    @Test
    void inAutumnThisSeasonsAdviceComesFirstThenAllYearThenTheComingSeasons() {
        // DemoSnapshot.TODAY is 22 November: autumn.
        Answer.Tips a = tips(DemoSnapshot.engine(), "玉米");
        assertEquals("104", a.crop().code());
        assertNull(a.topic());
        assertEquals(List.of("maize-autumn-harvest", "maize-all-fertilising", "maize-spring-sowing", "maize-summer-pests"),
                ids(a.items()));
    }

    @Test
    void inSpringSowingAdviceLeads() {
        Answer.Tips a = tips(DemoSnapshot.engineOn(LocalDate.of(2027, 4, 10)), "苞谷");
        assertEquals(List.of("maize-spring-sowing", "maize-all-fertilising", "maize-summer-pests", "maize-autumn-harvest"),
                ids(a.items()));
    }

    @Test
    void theAskedTopicComesBeforeTheSeason() {
        Answer.Tips a = tips(DemoSnapshot.engine(), "玉米 病虫害");
        assertEquals("病虫害", a.topic());
        assertEquals("maize-summer-pests", a.items().get(0).id());
        assertEquals("maize-all-fertilising", tips(DemoSnapshot.engine(), "玉米 施肥").items().get(0).id());
        assertEquals("maize-summer-pests", tips(DemoSnapshot.engine(), "maize pests").items().get(0).id());
        assertEquals("maize-spring-sowing", tips(DemoSnapshot.engine(), "sowing corn").items().get(0).id());
    }

    @Test
    void regionalAdviceReachesOnlyItsRegion() {
        List<String> qianjiang = ids(tips(DemoSnapshot.engine(), "小龙虾", "429005104201").items());
        assertTrue(qianjiang.containsAll(List.of("crayfish-spring-stocking", "crayfish-summer-water")), qianjiang.toString());
        List<String> jiangxia = ids(tips(DemoSnapshot.engine(), "小龙虾", "420115004201").items());
        assertEquals(List.of("crayfish-spring-stocking"), jiangxia);
        assertTrue(tips(DemoSnapshot.engine(), "小龙虾", "430102000000").items().isEmpty());
    }

    @Test
    void everyItemHasAShortSmsTextInTheFarmersLanguage() {
        for (Guidance g : tips(DemoSnapshot.engine(), "rapeseed").items()) {
            assertFalse(g.smsText().in(Lang.EN).isBlank());
            assertTrue(g.smsText().in(Lang.ZH).length() <= 60);
        }
    }

    private static Answer.Tips tips(AnswerEngine engine, String terms) {
        return tips(engine, terms, null);
    }

    private static Answer.Tips tips(AnswerEngine engine, String terms, String region) {
        Query q = Query.of(Intent.GUIDANCE, terms, Lang.ZH, Channel.SMS).inRegion(region);
        Answer a = engine.answer(q);
        return assertInstanceOf(Answer.Tips.class, a, () -> terms + " -> " + a);
    }

    private static List<String> ids(List<Guidance> items) {
        return items.stream().map(Guidance::id).toList();
    }
}
