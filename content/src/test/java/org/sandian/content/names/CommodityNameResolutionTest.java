package org.sandian.content.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.Commodity;

/** Every way farmers name maize (and a few other crops) finds it in the demo content's index. */
class CommodityNameResolutionTest {

    static final String MAIZE = "104";

    final NameIndex<Commodity> names = DemoSnapshot.get().commodityNames();

    @Test
    void chineseNameIsAnExactMatch() {
        assertFound("玉米", MAIZE, Resolution.How.EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"苞谷", "包谷", "苞米", "玉蜀黍"})
    void dialectNamesAreExactMatches(String dialect) {
        assertFound(dialect, MAIZE, Resolution.How.EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maize", "corn", "Maize", "CORN", " corn. "})
    void englishNamesMatchWhateverTheCase(String english) {
        assertFound(english, MAIZE, Resolution.How.EXACT);
    }

    @Test
    void fullWidthLettersFoldToTheirNames() {
        assertFound("ＭＡＩＺＥ", MAIZE, Resolution.How.EXACT);
    }

    @Test
    void hotlineCodeFindsTheCommodity() {
        assertFound("104", MAIZE, Resolution.How.EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yumi", "YuMi", "baogu"})
    void fullPinyinFindsMaize(String pinyin) {
        assertFound(pinyin, MAIZE, Resolution.How.PINYIN);
    }

    @Test
    void pinyinInitialsFindMaize() {
        assertFound("ym", MAIZE, Resolution.How.INITIALS);
    }

    @Test
    void homophoneCharacterFindsMaizeByItsSound() {
        assertFound("玉咪", MAIZE, Resolution.How.PINYIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maiz", "coorn", "mazie", "maizee"})
    void typosFindMaize(String typo) {
        assertFound(typo, MAIZE, Resolution.How.FUZZY);
    }

    @Test
    void dialectNamesOfOtherCropsWork() {
        assertFound("红苕", "115", Resolution.How.EXACT);
        assertFound("地瓜", "115", Resolution.How.EXACT);
        assertFound("洋芋", "112", Resolution.How.EXACT);
        assertFound("土豆", "112", Resolution.How.EXACT);
        assertFound("tudou", "112", Resolution.How.PINYIN);
        assertFound("crayfsh", "118", Resolution.How.FUZZY);
    }

    @Test
    void aNameSharedByTwoCommoditiesGivesBothNotAGuess() {
        Resolution.Ambiguous<Commodity> rice = assertInstanceOf(Resolution.Ambiguous.class, names.resolve("rice"));
        assertEquals(List.of("101", "102"), codes(rice.candidates()));
        // 红薯 hongshu and 花生 huasheng share their initials.
        Resolution.Ambiguous<Commodity> hs = assertInstanceOf(Resolution.Ambiguous.class, names.resolve("hs"));
        assertEquals(Resolution.How.INITIALS, hs.how());
        assertEquals(List.of("115", "116"), codes(hs.candidates()));
    }

    @Test
    void aWordNearAKnownNameSuggestsItWithoutTakingIt() {
        // Three letters tolerate no typo (too many neighbours), but the nearest is offered.
        Resolution.Unknown<Commodity> r = assertInstanceOf(Resolution.Unknown.class, names.resolve("yum"));
        assertNotNull(r.nearest());
        assertEquals(MAIZE, r.nearest().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"苹果", "banana", "kiwi", "xyz", "", "!!"})
    void anUnrelatedWordHasNoSuggestion(String word) {
        Resolution.Unknown<Commodity> r = assertInstanceOf(Resolution.Unknown.class, names.resolve(word));
        assertNull(r.nearest(), () -> word + " suggested " + r.nearest());
    }

    private void assertFound(String input, String code, Resolution.How how) {
        Resolution<Commodity> r = names.resolve(input);
        Resolution.Found<Commodity> found = assertInstanceOf(Resolution.Found.class, r, () -> input + " -> " + r);
        assertEquals(code, found.item().code(), input);
        assertEquals(how, found.how(), input);
    }

    private static List<String> codes(List<Commodity> commodities) {
        return commodities.stream().map(Commodity::code).sorted().toList();
    }
}
