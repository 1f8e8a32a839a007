package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.channels.voice.FakeAmi;
import org.sandian.channels.voice.VoiceAddresses;
import org.sandian.channels.voice.emulated.AsteriskLine;
import org.sandian.channels.voice.outbound.VoiceCallOutcome;
import org.sandian.channels.voice.speech.ChineseNumbers;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.model.Lang;
import org.sandian.content.questions.Question;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.content.testing.TestStore;
import org.sandian.ops.auth.Role;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.hub.Hub;
import org.sandian.ops.testing.SharedHub;

/**
 * An answer goes back on the asker's channel: a demo hub whose manager interface is a fake Asterisk
 * manager over a real socket, its SMS channel bound to the SMSC simulator, its FastAGI port driven
 * by an emulated Asterisk line. A spoken question's asker gets the SMS and a call that speaks the
 * answer; a web question's asker gets the SMS only; a hub without a manager interface says so.
 */
class AnswerCallTest {

    private static final String AGENT = "ac-agent-qj";
    private static final String ANSWER = "多为缺氮，每亩追施尿素10公斤，雨前施用。";
    private static FakeAmi ami;
    private static Hub hub;
    private static final List<SimMessage> sms = new CopyOnWriteArrayList<>();
    private static final BlockingQueue<VoiceCallOutcome> outcomes = new LinkedBlockingQueue<>();

    @BeforeAll
    static void aHubThatCanCall() throws Exception {
        ami = new FakeAmi("s3cret");
        hub = Hub.start(HubConfig.from(ConfigReader.load(null, Map.of(
                "SANDIAN_HTTP_PORT", "0", "SANDIAN_AGI_PORT", "0",
                "SANDIAN_DATA_DIR", TestStore.tempDir().toString(),
                "SANDIAN_AMI_HOST", "127.0.0.1", "SANDIAN_AMI_PORT", Integer.toString(ami.port()),
                "SANDIAN_AMI_USER", "sandian", "SANDIAN_AMI_SECRET", "s3cret"))), true);
        hub.demoSmsc().onMessage(sms::add);
        hub.vertx().eventBus().<VoiceCallOutcome>consumer(VoiceAddresses.CALL_OUTCOME, m -> outcomes.add(m.body()));
        SharedHub.officer(hub, AGENT, Role.AGENT, "429005000000");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (ami.logins.get() == 0 && System.nanoTime() < end) Thread.sleep(50);
        assertTrue(ami.logins.get() > 0, "the hub logged in to the manager interface");
    }

    @AfterAll
    static void stop() throws IOException {
        if (hub != null) hub.stop();
        if (ami != null) ami.close();
    }

    @Test
    void aSpokenQuestionsAnswerGoesBySmsAndACallSpeaksItToTheAsker() throws Exception {
        String asker = "+8613800000321";
        Question q = questions(hub).create(Intent.ASK, asker, Channel.VOICE, "", null, "429005101001", Lang.ZH);

        String flash = answer(new ConsoleClient(hub), q);
        assertTrue(flash.contains("on its way by SMS") && flash.contains("a call to the asker will speak it"), flash);
        SimMessage text = awaitSms(asker, ANSWER);
        assertTrue(text.text().contains(q.number()), text.text());

        FakeAmi.Packet originate = ami.nextOriginate(10_000);
        assertNotNull(originate, "an Originate reached the manager interface");
        assertEquals("PJSIP/" + asker + "@carrier", originate.get("Channel"));
        assertEquals("sandian-broadcast", originate.get("Context"), "the leg runs the broadcast script");
        String variables = String.join(",", originate.all("Variable"));
        Matcher id = Pattern.compile("SANDIAN_CALL_ID=(answer:" + q.number() + ":\\d+)").matcher(variables);
        assertTrue(id.find(), "the answer's own call id: " + variables);
        assertTrue(variables.contains("SANDIAN_CALLEE=" + asker), variables);
        String callId = id.group(1);

        ami.originateResponse(originate, true, 4, "ac.1");
        try (AsteriskLine line = AsteriskLine.call("127.0.0.1", hub.agiPort(), "broadcast", "12316", "ac.1", "zh",
                originate.get("Channel") + "-00000001", 30_000)) {
            expect(line, "GET VARIABLE \"SANDIAN_CALL_ID\"", "1 (" + callId + ")");
            expect(line, "GET VARIABLE \"SANDIAN_CALLEE\"", "1 (" + asker + ")");
            String answerSound = played(line, '\0');
            String spoken = hub.spokenText(answerSound).orElse("");
            assertTrue(spoken.contains("编号" + ChineseNumbers.digits(q.number())), "names the ticket: " + spoken);
            assertTrue(spoken.endsWith("每亩追施尿素十公斤，雨前施用。"), "the answer, amounts as words: " + spoken);
            String offer = played(line, '*');
            assertEquals("重听请按星号键，返回请按井号键。", hub.spokenText(offer).orElse(""),
                    "an answer call offers to hear it again, not to subscribe");
            assertEquals(answerSound, played(line, '\0'), "* plays the answer again");
            assertEquals(offer, played(line, '#'));
            assertEquals("感谢您的来电，再见。", hub.spokenText(played(line, '\0')).orElse(""));
            assertEquals("HANGUP", line.command());
            line.result("1");
            assertTrue(line.closedByScript());
        }
        ami.hangup("ac.1", originate.get("Channel") + "-00000001");
        VoiceCallOutcome end = outcome(callId, true);
        assertEquals(VoiceCallOutcome.Result.LISTENED_TO_END, end.result(), "heard to the end");
    }

    @Test
    void aWebQuestionsAnswerGoesBySmsOnlyWithNoCall() throws Exception {
        String asker = "+8613800000322";
        Question q = questions(hub).create(Intent.ASK, asker, Channel.WEB, "玉米叶子发黄怎么办", null, "429005101001", Lang.ZH);

        String flash = answer(new ConsoleClient(hub), q);
        assertTrue(flash.contains("on its way by SMS") && !flash.contains("call"), flash);
        awaitSms(asker, ANSWER);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        for (FakeAmi.Packet p; (p = ami.nextOriginate(Math.max(1, (end - System.nanoTime()) / 1_000_000))) != null; ) {
            assertTrue(!p.get("Channel").contains(asker), "no call for a web question: " + p.lines());
        }
    }

    @Test
    void withoutAManagerInterfaceTheOfficerIsToldOnlyTheSmsWent() throws Exception {
        SharedHub.officer(AGENT, Role.AGENT, "429005000000");
        String asker = "+8613800000323";
        Question q = questions(SharedHub.get()).create(Intent.ASK, asker, Channel.VOICE, "", null, "429005101001", Lang.ZH);
        List<SimMessage> toAsker = new CopyOnWriteArrayList<>();
        SmscSimulator sim = SharedHub.get().demoSmsc();
        sim.onMessage(m -> {
            if (m.to().endsWith(asker.substring(3))) toAsker.add(m);
        });

        String flash = answer(new ConsoleClient(), q);
        assertTrue(flash.contains("only the SMS was sent") && flash.contains("ami.host"), flash);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (toAsker.stream().noneMatch(m -> m.text().contains(ANSWER)) && System.nanoTime() < end) Thread.sleep(100);
        assertTrue(toAsker.stream().anyMatch(m -> m.text().contains(ANSWER)), "the SMS went: " + toAsker);
    }

    /** The agent answers {@code q} in the console; returns the message the console flashes. */
    private static String answer(ConsoleClient agent, Question q) throws Exception {
        agent.login(AGENT, SharedHub.PASSWORD);
        agent.get("/console/questions/" + q.number());
        HttpResponse<String> page = agent.post("/console/questions/" + q.number() + "/answer", Map.of("answer", ANSWER));
        assertEquals(200, page.statusCode(), page.body());
        Matcher flash = Pattern.compile("<p class=\"flash\" id=\"flash\">([^<]*)</p>").matcher(page.body());
        assertTrue(flash.find(), page.body());
        return flash.group(1);
    }

    private static QuestionStore questions(Hub h) {
        return new QuestionStore(h.store(), Clock.systemUTC(), WorkingDays.mondayToFriday(ZoneId.of("Asia/Shanghai")));
    }

    private static SimMessage awaitSms(String to, String containing) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            for (SimMessage m : sms) if (m.to().endsWith(to.substring(3)) && m.text().contains(containing)) return m;
            Thread.sleep(100);
        }
        throw new AssertionError("no SMS to " + to + " at the simulator; got " + sms);
    }

    private static VoiceCallOutcome outcome(String callId, boolean last) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            VoiceCallOutcome o = outcomes.poll(100, TimeUnit.MILLISECONDS);
            if (o != null && o.callId().equals(callId) && o.last() == last) return o;
        }
        throw new AssertionError("no " + (last ? "final " : "") + "outcome of call " + callId);
    }

    private static void expect(AsteriskLine line, String command, String result) throws IOException {
        assertEquals(command, line.command(), line.commands().toString());
        line.result(result);
    }

    /** The next command must be a prompt; it plays to the end (or {@code key} cuts it). Returns the sound. */
    private static String played(AsteriskLine line, char key) throws IOException {
        String c = line.command();
        assertTrue(c != null && c.startsWith("STREAM FILE"), "expected a sound, got " + c + " after " + line.commands());
        line.result((int) key + " endpos=8000");
        return AsteriskLine.argument(c);
    }
}
