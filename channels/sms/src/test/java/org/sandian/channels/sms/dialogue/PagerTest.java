package org.sandian.channels.sms.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.codec.MtSplitter;

class PagerTest {

    private static final String ZH_HINT = "回复\"更多\"看下一页";
    private static final String EN_HINT = "Reply MORE for next page";
    private final Pager pager = new Pager(2);

    @Test
    void shortTextIsOnePageWithoutHint() {
        assertEquals(List.of("玉米 武汉白沙洲 1.25元/公斤"), pager.pages("玉米 武汉白沙洲 1.25元/公斤\n", ZH_HINT));
    }

    @Test
    void chineseLinesArePackedIntoTwoUcs2PartsAndNeverCut() {
        List<String> lines = IntStream.range(0, 12).mapToObj(i -> "玉米 市场" + i + " 1.2" + i + "元/公斤 ↑0.0" + i + " (11月22日)")
                .toList();
        List<String> pages = pager.pages(String.join("\n", lines), ZH_HINT);
        assertTrue(pages.size() > 1);
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertTrue(page.length() <= 134 && MtSplitter.partsNeeded(page) <= 2, page);
            assertEquals(i < pages.size() - 1, page.endsWith("\n" + ZH_HINT), page);
        }
        String joined = pages.stream().map(p -> p.replace("\n" + ZH_HINT, "")).collect(Collectors.joining("\n"));
        assertEquals(String.join("\n", lines), joined, "every line once, in order, none cut");
    }

    @Test
    void englishTextGetsTheGsmBudgetOf306() {
        String line = "Maize Wuhan Baishazhou 1.25 yuan/kg +0.03 (Nov 22)"; // 50 characters
        String text = IntStream.range(0, 12).mapToObj(i -> line).collect(Collectors.joining("\n"));
        List<String> pages = pager.pages(text, EN_HINT);
        assertTrue(pages.get(0).length() > 134 && pages.get(0).length() <= 306, pages.get(0));
        assertTrue(pages.get(0).endsWith("\n" + EN_HINT));
        assertEquals(5, pages.get(0).lines().count() - 1, "five 50-char lines and the hint fit in 306");
    }

    @Test
    void aLineLongerThanAPageIsCutAfterASentence() {
        String sentence = "稻飞虱百丛超1000头用吡蚜酮防治，药液喷到稻株中下部。";
        String text = sentence.repeat(6);
        List<String> pages = pager.pages(text, ZH_HINT);
        assertTrue(pages.size() >= 2);
        String first = pages.get(0).replace("\n" + ZH_HINT, "");
        assertTrue(first.endsWith("。"), first);
        assertEquals(text, pages.stream().map(p -> p.replace("\n" + ZH_HINT, "")).collect(Collectors.joining()));
        pages.forEach(p -> assertTrue(MtSplitter.partsNeeded(p) <= 2, p));
    }

    @Test
    void onePartPagesWhenConfiguredSo() {
        Pager onePart = new Pager(1);
        List<String> pages = onePart.pages("一二三四五六七八九十".repeat(10), ZH_HINT);
        pages.forEach(p -> assertTrue(p.length() <= 70, p));
    }
}
