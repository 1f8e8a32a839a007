package org.sandian.channels.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.SubscriberCommand;
import org.bson.Document;
import org.sandian.channels.voice.speech.SharedSounds;
import org.sandian.channels.voice.speech.ChineseNumbers;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.model.Lang;

/**
 * Whole calls through the hotline over a real FastAGI socket, against the real answer engine with
 * the demo content. Speech is transcribed into the STREAM FILE names, so each test reads what the
 * caller hears.
 */
class HotlineCallTest {

    static final long WAIT = 5000;
    static final long NEXT_DIGIT = 1500;
    static final String CALLER = "+8613800001234";

    static HubFixture hub;
    static VoiceChannel voice;
    static TranscriptSpeech speech = new TranscriptSpeech();
    static CallTrail trail;

    @BeforeAll
    static void start() throws Exception {
        hub = HubFixture.shared();
        trail = new CallTrail();
        VoiceOptions options = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0);
        voice = hub.deploy(options, speech);
    }

    @AfterAll
    static void stop() throws Exception {
        trail.close();
    }

    private static FakeAsterisk call(String id) throws Exception {
        return FakeAsterisk.call(voice.agiPort(), "hotline", CALLER, id, "zh");
    }

    private static String said(FakeAsterisk agi) throws Exception {
        return TranscriptSpeech.text(agi.heard());
    }

    /** Welcome, then Chinese chosen with 1 after the language prompt. */
    private static void chooseChinese(FakeAsterisk agi) throws Exception {
        assertTrue(said(agi).startsWith("您好"));
        assertEquals("普通话请按一。", said(agi));
        agi.waitDigit(WAIT, '1');
    }

    @Test
    void pricesByShortMenuReadMaizeInChineseWordsWithUnits() throws Exception {
        try (FakeAsterisk agi = call("1.1")) {
            chooseChinese(agi);
            assertTrue(TranscriptSpeech.text(agi.stream('1')).startsWith("查价格请按一"), "main menu cut short by 1");
            assertTrue(TranscriptSpeech.text(agi.stream('2')).startsWith("稻谷请按一"), "prices menu cut short by 2");
            agi.waitDigit(NEXT_DIGIT, (char) 0);
            String prices = said(agi);
            assertTrue(prices.startsWith("玉米最新价格。"), prices);
            assertTrue(prices.contains("均价") && prices.contains("元每公斤"), prices);
            assertFalse(prices.matches(".*[0-9].*"), "numbers are words for the synthesiser: " + prices);
            assertEquals("重听请按星号键，返回请按井号键。", said(agi));
            agi.waitDigit(WAIT, '*');
            assertEquals(prices, said(agi), "* reads the prices again");
            said(agi);
            agi.waitDigit(WAIT, '#');
            assertTrue(said(agi).startsWith("稻谷请按一"), "# goes back to the prices menu");
            agi.waitDigit(WAIT, '#');
            assertTrue(said(agi).startsWith("查价格请按一"), "# again goes back to the main menu");
            agi.hangUp();
        }
        assertTrue(trail.end("1.1").contains("caller-hung-up"));
        assertTrue(trail.lines("1.1").stream().anyMatch(l -> l.contains("price 104 -> prices")));
    }

    @Test
    void pricesByTypedCodeThenHashReadLivePigs() throws Exception {
        try (FakeAsterisk agi = call("1.2")) {
            chooseChinese(agi);
            agi.stream('1');
            agi.stream('1');
            agi.waitDigit(NEXT_DIGIT, '0');
            agi.waitDigit(NEXT_DIGIT, '7');
            agi.waitDigit(NEXT_DIGIT, '#');
            assertTrue(said(agi).startsWith("生猪最新价格。"));
            agi.hangUp();
        }
    }

    @Test
    void unknownCodeIsSaidDigitByDigitAndThePricesMenuComesBack() throws Exception {
        try (FakeAsterisk agi = call("1.3")) {
            chooseChinese(agi);
            agi.stream('1');
            agi.stream('9');
            agi.waitDigit(NEXT_DIGIT, '9');
            agi.waitDigit(NEXT_DIGIT, '#');
            assertEquals("没有找到代码九九对应的品种。", said(agi));
            said(agi);
            agi.waitDigit(WAIT, '#');
            assertTrue(said(agi).startsWith("稻谷请按一"));
            agi.hangUp();
        }
    }

    @Test
    void englishCallerHearsPricesInEnglish() throws Exception {
        try (FakeAsterisk agi = call("1.4")) {
            said(agi);
            said(agi);
            agi.waitDigit(WAIT, '2');
            assertTrue(TranscriptSpeech.text(agi.stream('1')).startsWith("For prices press 1"));
            agi.stream('2');
            agi.waitDigit(NEXT_DIGIT, (char) 0);
            String prices = said(agi);
            assertTrue(prices.startsWith("Latest prices for Maize."), prices);
            assertTrue(prices.contains("yuan per kilogram"), prices);
            agi.hangUp();
        }
    }

    @Test
    void guidanceReadsTheShortTextOfTheChosenCropAndTopic() throws Exception {
        try (FakeAsterisk agi = call("1.5")) {
            chooseChinese(agi);
            agi.stream('2');
            assertTrue(TranscriptSpeech.text(agi.stream('1')).startsWith("玉米请按一"));
            assertTrue(TranscriptSpeech.text(agi.stream('2')).startsWith("播种请按一"));
            String tip = said(agi);
            assertTrue(tip.startsWith("玉米，施肥。"), tip);
            assertTrue(tip.length() > 10, tip);
            agi.hangUp();
        }
    }

    @Test
    void noticesForTheProfileRegionPageWithHashAndRepeatWithStar() throws Exception {
        String caller = "+8613900000001";
        hub.profiles.put(caller, new FarmerProfile(caller, Lang.EN, "420111000000", List.of(), false));
        try (FakeAsterisk agi = FakeAsterisk.call(voice.agiPort(), "hotline", caller, "1.6", "zh")) {
            assertTrue(said(agi).startsWith("Welcome"), "language taken from the profile: no language prompt");
            agi.stream('3');
            assertEquals("Here are the notices for your area.", said(agi));
            String first = said(agi);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Notice 1 of (\\d+)\\. ").matcher(first);
            assertTrue(m.find(), first);
            int total = Integer.parseInt(m.group(1));
            assertTrue(total >= 2, "the demo has several notices in force for Hubei: " + first);
            assertEquals("Press hash for the next notice, or star to hear it again.", said(agi));
            agi.waitDigit(WAIT, '*');
            assertEquals(first, said(agi), "* repeats the notice");
            for (int i = 2; i <= total; i++) {
                said(agi);
                agi.waitDigit(WAIT, '#');
                String next = said(agi);
                assertTrue(next.startsWith("Notice " + i + " of " + total + ". "), next);
            }
            said(agi);
            agi.waitDigit(WAIT, '#');
            assertEquals("There are no more notices.", said(agi));
            assertTrue(said(agi).startsWith("For prices press 1"), "then back to the main menu");
            agi.hangUp();
        }
    }

    @Test
    void theLanguageChosenAtTheFirstPromptIsSentToTheCallersProfile() throws Exception {
        String caller = "+8613900000077";
        try (FakeAsterisk agi = FakeAsterisk.call(voice.agiPort(), "hotline", caller, "1.77", "zh")) {
            said(agi);
            assertEquals("普通话请按一。", said(agi));
            agi.waitDigit(WAIT, '2');
            assertTrue(said(agi).startsWith("For prices press 1"), "the menu goes on at once, in English");
            agi.hangUp();
        }
        OutboundCallTest.waitFor(() -> hub.subscriberCommands.stream().anyMatch(c -> caller.equals(c.phone())), "a command");
        SubscriberCommand c = hub.subscriberCommands.stream().filter(s -> caller.equals(s.phone())).findFirst().orElseThrow();
        assertEquals(Intent.LANGUAGE, c.action());
        assertEquals(Lang.EN, c.lang());
        assertEquals(Channel.VOICE, c.channel());
    }

    @Test
    void subscribeConfirmedWithOneSendsTheSubscriberCommandThroughTheAnswerEngine() throws Exception {
        try (FakeAsterisk agi = call("1.7")) {
            chooseChinese(agi);
            agi.stream('4');
            agi.stream('2');
            agi.waitDigit(NEXT_DIGIT, (char) 0);
            assertEquals("您选择了玉米价格短信提醒。", said(agi));
            assertEquals("确认订阅请按一，返回请按井号键。", said(agi));
            agi.waitDigit(WAIT, '1');
            assertEquals("已为您订阅玉米价格短信提醒。", said(agi));
            assertTrue(said(agi).startsWith("查价格请按一"), "back to the main menu");
            agi.hangUp();
        }
        SubscriberCommand c = hub.subscriberCommands.stream()
                .filter(s -> CALLER.equals(s.phone()) && s.action() == Intent.SUBSCRIBE).findFirst().orElseThrow();
        assertEquals(Channel.VOICE, c.channel());
        assertEquals("price", c.topic());
        assertEquals(List.of("104"), c.commodities());
    }

    @Test
    void spokenQuestionIsStoredByTheQuestionsDeskWithItsRecordingReadBackAndSentBySms() throws Exception {
        String said;
        try (FakeAsterisk agi = call("1.8")) {
            chooseChinese(agi);
            agi.stream('5');
            assertTrue(said(agi).startsWith("请在提示音后说出您的问题"));
            String record = agi.command();
            assertTrue(record.matches("RECORD FILE \".*/questions/\\d{4}-\\d\\d-\\d\\d/q-1\\.8\" \"wav\" \"#\" 60000 0 BEEP s=6"), record);
            agi.reply("200 result=35 (dtmf) endpos=64000");
            said = said(agi);
            said(agi);
            agi.waitDigit(WAIT, '#');
            assertTrue(said(agi).startsWith("查价格请按一"));
            agi.hangUp();
        }
        Document question = hub.store.database().getCollection(QuestionStore.COLLECTION)
                .find(new Document("recording", new Document("$regex", "/q-1\\.8\\.wav$"))).first();
        assertNotNull(question, "the questions desk stored the question with its recording");
        assertEquals(CALLER, question.getString("phone"));
        assertEquals("VOICE", question.getString("channel"));
        String number = question.getString("_id");
        assertEquals("您的问题已记录，编号是" + ChineseNumbers.digits(number) + "。我们会用短信把编号发给您，专家答复后也会通知您。", said);
        OutboundSms sms = hub.sms.stream().filter(s -> CALLER.equals(s.to())).findFirst().orElseThrow();
        assertTrue(sms.text().contains(number), sms.text());
        assertEquals("voice-ticket-" + number, sms.id());
    }

    @Test
    void aSpokenQuestionIsPlayableFromAnotherHubsSoundsDirectory() throws Exception {
        byte[] wav = "RIFF....WAVEfmt a farmer asking about maize seed".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String recorded;
        try (FakeAsterisk agi = call("1.14")) {
            chooseChinese(agi);
            agi.stream('5');
            said(agi);
            String record = agi.command();
            assertTrue(record.startsWith("RECORD FILE "), record);
            recorded = FakeAsterisk.argument(record);
            // Asterisk writes the message in the hub's sounds directory, the caller ends it with #.
            Files.write(java.nio.file.Path.of(recorded + ".wav"), wav);
            agi.reply("200 result=35 (dtmf) endpos=64000");
            said(agi);
            agi.hangUp();
        }
        Document question = hub.store.database().getCollection(QuestionStore.COLLECTION)
                .find(new Document("recording", recorded + ".wav")).first();
        assertNotNull(question, "the question was stored with its recording");
        // Another hub: its own sounds directory, the same store.
        SharedSounds other = new SharedSounds(Files.createTempDirectory("other-hub-sounds"), hub.store);
        String name = SharedSounds.questionName(question.getString("recording"));
        assertTrue(other.ensureLocal(name), name);
        assertArrayEquals(wav, Files.readAllBytes(other.dir().resolve(name + ".wav")));
    }

    @Test
    void callerHangingUpToEndTheRecordingStillGetsATicketBySms() throws Exception {
        try (FakeAsterisk agi = call("1.12")) {
            chooseChinese(agi);
            agi.stream('5');
            said(agi);
            String record = agi.command();
            assertTrue(record.startsWith("RECORD FILE "), record);
            // Asterisk has written the message when the caller puts the phone down instead of pressing #.
            Files.write(java.nio.file.Path.of(FakeAsterisk.argument(record) + ".wav"), new byte[] {1, 2, 3, 4});
            agi.hangUpDuringCommand();
            assertTrue(agi.closedByScript());
        }
        Document question = hub.store.database().getCollection(QuestionStore.COLLECTION)
                .find(new Document("recording", new Document("$regex", "/q-1\\.12\\.wav$"))).first();
        assertNotNull(question, "the question was stored although the caller hung up during RECORD FILE");
        String number = question.getString("_id");
        assertTrue(hub.sms.stream().anyMatch(s -> ("voice-ticket-" + number).equals(s.id()) && s.text().contains(number)),
                "the ticket number went by SMS: " + hub.sms);
        assertTrue(trail.end("1.12").contains("caller-hung-up"), trail.end("1.12"));
    }

    @Test
    void operatorSetsTheChannelVariableAndReturnsToTheDialplan() throws Exception {
        try (FakeAsterisk agi = call("1.9")) {
            chooseChinese(agi);
            agi.stream('0');
            assertEquals("正在为您转接人工服务，请稍候。", said(agi));
            agi.expect("SET VARIABLE \"SANDIAN_NEXT\" \"operator\"", "1");
            assertTrue(agi.closedByScript(), "the script ends without HANGUP: the dialplan dials the queue " + agi.commands);
            assertFalse(agi.commands.contains("HANGUP"));
        }
    }

    @Test
    void wrongKeysAndSilenceRepeatThreeTimesThenGoodbyeAndHangup() throws Exception {
        try (FakeAsterisk agi = call("1.10")) {
            chooseChinese(agi);
            agi.stream('9');
            assertEquals("输入有误，请重新选择。", said(agi));
            for (int i = 0; i < 3; i++) {
                assertTrue(said(agi).startsWith("查价格请按一"), "the main menu again, try " + (i + 2));
                agi.waitDigit(WAIT, (char) 0);
            }
            assertEquals("感谢您的来电，再见。", said(agi));
            agi.expect("HANGUP", "1");
            assertTrue(agi.closedByScript());
        }
        assertTrue(trail.end("1.10").contains("goodbye"));
        assertEquals(4, trail.lines("1.10").stream().filter(l -> l.contains("main no-input") || l.contains("main wrong-key")).count());
    }

    @Test
    void hangupMidMenuEndsTheCallQuietlyAndLogsIt() throws Exception {
        try (FakeAsterisk agi = call("1.11")) {
            chooseChinese(agi);
            agi.hangUp();
            assertTrue(agi.closedByScript());
        }
        String end = trail.end("1.11");
        assertTrue(end.contains("caller-hung-up"), end);
        assertTrue(trail.lines("1.11").get(0).contains("caller=+86138****1234"), "caller masked: " + trail.lines("1.11").get(0));
    }

    @Test
    void overCapacityCallerHearsBusyAndIsHungUpCleanly() throws Exception {
        VoiceOptions options = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0).withMaxCalls(1);
        VoiceChannel small = hub.deploy(options, new TranscriptSpeech());
        try (FakeAsterisk first = FakeAsterisk.call(small.agiPort(), "hotline", CALLER, "2.1", "zh")) {
            assertTrue(first.command().startsWith("STREAM FILE \"say/zh/您好"), "the first call is in progress");
            assertEquals(1, small.health().activeCalls());
            try (FakeAsterisk second = FakeAsterisk.call(small.agiPort(), "hotline", "+8613700000002", "2.2", "zh")) {
                assertEquals("线路忙，请稍后再拨。", TranscriptSpeech.text(second.heard()));
                second.expect("HANGUP", "1");
                assertTrue(second.closedByScript());
            }
            first.hangUpDuringCommand();
            assertTrue(first.closedByScript());
        }
        assertTrue(trail.end("2.2").contains("busy"));
        assertTrue(trail.end("2.1").contains("caller-hung-up"));
        VoiceHealth health = small.health();
        assertEquals(1, health.callsRefused());
        assertEquals(0, health.activeCalls());
    }

    @Test
    void withoutSpeechTheMenuUsesRecordedPromptsAndAsteriskSaysThePrices() throws Exception {
        VoiceOptions options = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0).withTts(false);
        VoiceChannel plain = hub.deploy(options, null);
        assertFalse(plain.health().tts(), "health says TTS is off");
        try (FakeAsterisk agi = FakeAsterisk.call(plain.agiPort(), "hotline", CALLER, "3.1", "zh")) {
            agi.expect("STREAM FILE \"sandian/welcome-zh\" " + FakeAsterisk.KEYS, "0 endpos=100");
            agi.expect("STREAM FILE \"sandian/language-zh\" " + FakeAsterisk.KEYS, "0 endpos=100");
            agi.waitDigit(WAIT, '1');
            agi.expect("STREAM FILE \"sandian/main-zh\" " + FakeAsterisk.KEYS, "49 endpos=100");
            agi.expect("STREAM FILE \"sandian/prices-zh\" " + FakeAsterisk.KEYS, "50 endpos=100");
            agi.waitDigit(NEXT_DIGIT, (char) 0);
            int numbers = 0;
            while (true) {
                String c = agi.command();
                if (c.startsWith("STREAM FILE \"sandian/after-answer-zh\"")) break;
                assertTrue(c.matches("SAY (NUMBER|DIGITS) \"\\d+\" \"0123456789\\*#\"|STREAM FILE \"letters/dot\" \"0123456789\\*#\""), c);
                if (c.startsWith("SAY NUMBER")) numbers++;
                agi.reply("200 result=0");
            }
            assertTrue(numbers >= 5, "date and prices of each market said by Asterisk: " + agi.commands);
            agi.hangUpDuringCommand();
            assertTrue(agi.closedByScript());
        }
    }

    @Test
    void shortMenuPricesAreSpokenInAdvanceWhenContentIsPublished() throws Exception {
        awaitRendered("玉米最新价格。");
        speech.rendered.clear();
        hub.vertx.eventBus().publish(Addresses.CONTENT_CHANGED, null);
        awaitRendered("玉米最新价格。");
        awaitRendered("Latest prices for Paddy rice.");
    }

    private static void awaitRendered(String start) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (speech.rendered.stream().anyMatch(t -> t.startsWith(start))) return;
            Thread.sleep(20);
        }
        throw new AssertionError("never rendered: " + start + "...; rendered " + speech.rendered.size() + " texts");
    }
}
