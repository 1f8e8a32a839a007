package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Notice;

/** Notices in force for where the farmer lives, by the region tree and the validity dates. */
class NoticeAnswerTest {

    static final String ZHAONAO_VILLAGE = "429005104201";
    static final String YUEYANG = "430600000000";
    static final String FURONG_CHANGSHA = "430102000000";

    @Test
    void aQianjiangVillageSeesNationalHubeiQianjiangAndTownNoticesButNotHunans() {
        Answer.Notices a = notices(DemoSnapshot.engine(), ZHAONAO_VILLAGE);
        assertEquals(ZHAONAO_VILLAGE, a.regionCode());
        assertEquals(Set.of("nongji-gouzhi-butie", "hb-gengdi-butie", "hb-dongchun-shuili", "qj-shengzhu-baoxian",
                "xk-daoxia-zhongyang"), ids(a.items()));
    }

    @Test
    void aChangshaDistrictSeesHunanAndNationalNoticesOnly() {
        assertEquals(Set.of("nongji-gouzhi-butie", "hn-chungeng-beigeng"),
                ids(notices(DemoSnapshot.engine(), FURONG_CHANGSHA).items()));
    }

    @Test
    void anExpiredNoticeIsGoneAndWasShownWhileInForce() {
        assertFalse(ids(notices(DemoSnapshot.engine(), YUEYANG).items()).contains("yy-zaodao-shougou"));
        AnswerEngine hundredDaysAgo = DemoSnapshot.engineOn(DemoSnapshot.TODAY.minusDays(100));
        assertTrue(ids(notices(hundredDaysAgo, YUEYANG).items()).contains("yy-zaodao-shougou"));
    }

    @Test
    void anUpcomingNoticeAppearsOnItsFirstDayAndNotBefore() {
        Notice upcoming = DemoSnapshot.get().notice("hb-chunji-mianyi");
        AnswerEngine dayBefore = DemoSnapshot.engineOn(upcoming.effective().minusDays(1));
        AnswerEngine firstDay = DemoSnapshot.engineOn(upcoming.effective());
        assertFalse(ids(notices(dayBefore, ZHAONAO_VILLAGE).items()).contains(upcoming.id()));
        assertTrue(ids(notices(firstDay, ZHAONAO_VILLAGE).items()).contains(upcoming.id()));
    }

    @Test
    void withoutARegionEveryNoticeInForceIsListedNewestFirst() {
        List<Notice> items = notices(DemoSnapshot.engine(), null).items();
        assertEquals(8, items.size());
        for (int i = 1; i < items.size(); i++) {
            assertFalse(items.get(i).effective().isAfter(items.get(i - 1).effective()), "newest first");
        }
    }

    private static Answer.Notices notices(AnswerEngine engine, String region) {
        Query q = Query.of(Intent.NOTICES, "", Lang.ZH, Channel.SMS).inRegion(region);
        return assertInstanceOf(Answer.Notices.class, engine.answer(q));
    }

    private static Set<String> ids(List<Notice> notices) {
        return notices.stream().map(Notice::id).collect(Collectors.toSet());
    }
}
