package org.sandian.channels.sms.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.model.Lang;

class KeywordParserTest {

    private static final String FARMER = "+8613800138000";

    @ParameterizedTest(name = "{0} -> {1} [{2}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            价格 玉米              | PRICE     | 玉米
            价格玉米               | PRICE     | 玉米
            价格  玉米  武汉       | PRICE     | 玉米  武汉
            价格，玉米！           | PRICE     | 玉米!
            行情 生猪              | PRICE     | 生猪
            JG 玉米                | PRICE     | 玉米
            jg玉米                 | PRICE     | 玉米
            PRICE MAIZE WUHAN      | PRICE     | MAIZE WUHAN
            price maize            | PRICE     | maize
            ＰＲＩＣＥ　ＭＡＩＺＥ | PRICE     | MAIZE
            价格　玉米             | PRICE     | 玉米
            PRCIE MAIZE            | PRICE     | MAIZE
            PRIEC maize            | PRICE     | maize
            技术 水稻 病虫害       | GUIDANCE  | 水稻 病虫害
            技术水稻               | GUIDANCE  | 水稻
            TIP RICE PESTS         | GUIDANCE  | RICE PESTS
            tips rice              | GUIDANCE  | rice
            政策                   | NOTICES   | ''
            通知                   | NOTICES   | ''
            NEWS                   | NOTICES   | ''
            news                   | NOTICES   | ''
            订阅 价格 玉米         | SUBSCRIBE | 价格 玉米
            订阅价格玉米           | SUBSCRIBE | 价格 玉米
            订阅政策               | SUBSCRIBE | 政策
            SUB PRICE MAIZE        | SUBSCRIBE | PRICE MAIZE
            SUBSCRIBE NEWS         | SUBSCRIBE | NEWS
            注册 白沙洲 玉米       | REGISTER  | 白沙洲 玉米
            注册420111001000       | REGISTER  | 420111001000
            REG Baishazhou maize   | REGISTER  | Baishazhou maize
            REGSITER Baishazhou    | REGISTER  | Baishazhou
            LANG EN                | LANGUAGE  | EN
            语言 中文              | LANGUAGE  | 中文
            语言英文               | LANGUAGE  | 英文
            问 玉米叶子发黄怎么办？ | ASK       | 玉米叶子发黄怎么办?
            问玉米叶子发黄         | ASK       | 玉米叶子发黄
            问题：稻飞虱怎么防     | ASK       | 稻飞虱怎么防
            ASK when to plant rice | ASK       | when to plant rice
            投诉 种子是假的        | COMPLAIN  | 种子是假的
            COMPLAIN fake seeds    | COMPLAIN  | fake seeds
            COMPLIAN fake seeds    | COMPLAIN  | fake seeds
            查询 Q20261122001      | STATUS    | Q20261122001
            查询Q20261122001       | STATUS    | Q20261122001
            STATUS Q20261122001    | STATUS    | Q20261122001
            status 17              | STATUS    | 17
            帮助                   | HELP      | ''
            HELP                   | HELP      | ''
            help                   | HELP      | ''
            HLEP                   | HELP      | ''
            ?                      | HELP      | ''
            ？                     | HELP      | ''
            ''                     | HELP      | ''
            TD                     | UNSUBSCRIBE | ''
            td                     | UNSUBSCRIBE | ''
            ＴＤ                   | UNSUBSCRIBE | ''
            退订                   | UNSUBSCRIBE | ''
            N                      | UNSUBSCRIBE | ''
            STOP                   | UNSUBSCRIBE | ''
            Stop.                  | UNSUBSCRIBE | ''
            UNSUB                  | UNSUBSCRIBE | ''
            玉米                   | GUESS     | 玉米
            苞谷                   | GUESS     | 苞谷
            maize                  | GUESS     | maize
            RICE                   | GUESS     | RICE
            hemp                   | GUESS     | hemp
            玉米 武汉              | GUESS     | 玉米 武汉
            STOP the price         | GUESS     | STOP the price
            N 玉米                 | GUESS     | N 玉米
            我要退订               | GUESS     | 我要退订
            """)
    void keywordGivesIntentAndTerms(String text, Intent intent, String terms) {
        Query q = KeywordParser.parse(text, FARMER);
        assertEquals(intent, q.intent(), "intent of " + text);
        assertEquals(terms, q.terms(), "terms of " + text);
        assertEquals(Channel.SMS, q.channel());
        assertEquals(FARMER, q.sender());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            价格 玉米         | ZH
            JG 玉米           | ZH
            PRICE MAIZE       | EN
            ＨＥＬＰ          | EN
            LANG EN           | EN
            TD                | NULL
            N                 | NULL
            ?                 | NULL
            12345             | NULL
            JG                | NULL
            """)
    void languageComesFromTheTextOrIsLeftToTheProfile(String text, Lang lang) {
        assertEquals(lang, KeywordParser.langOf(text));
    }

    @Test
    void queriesWithoutALanguageLeaveItToTheProfile() {
        assertNull(KeywordParser.parse("TD", FARMER).lang());
        assertNull(KeywordParser.parse("？", FARMER).lang());
        assertEquals(Lang.EN, KeywordParser.parse("STOP", FARMER).lang());
        assertEquals(Lang.ZH, KeywordParser.parse("退订", FARMER).lang());
    }

    @Test
    void moreIsRecognisedInBothLanguagesOnlyAsTheWholeMessage() {
        assertTrue(KeywordParser.isMore("更多"));
        assertTrue(KeywordParser.isMore("MORE"));
        assertTrue(KeywordParser.isMore(" more。"));
        assertTrue(KeywordParser.isMore("ＭＯＲＥ"));
        assertTrue(KeywordParser.isMore("MROE"));
        assertFalse(KeywordParser.isMore("more maize"));
        assertFalse(KeywordParser.isMore("更多玉米"));
    }

    @Test
    void typosKeepTheFirstLetterAndNeverTurnARealWordIntoAKeyword() {
        assertTrue(KeywordParser.isTypo("prcie", "price"));
        assertTrue(KeywordParser.isTypo("pric", "price"));
        assertTrue(KeywordParser.isTypo("hlep", "help"));
        assertTrue(KeywordParser.isTypo("helpp", "help"));
        assertFalse(KeywordParser.isTypo("rice", "price"));
        assertFalse(KeywordParser.isTypo("hemp", "help"));
        assertFalse(KeywordParser.isTypo("shop", "stop"));
        assertFalse(KeywordParser.isTypo("lung", "lang"));
    }
}
