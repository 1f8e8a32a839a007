package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.channels.web.testing.Pages;
import org.sandian.content.questions.Question;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** A farmer's SMS question answered in the console (headless Chromium); the answer reaches his phone at the simulator. */
class QuestionBrowserTest {

    static final String FARMER = "8613900002201";
    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        SharedHub.officer("q-agent-hb", Role.AGENT, "420000000000");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void anAnswerTypedInTheConsoleArrivesBySmsAtTheAsker() throws Exception {
        SmscSimulator sim = SharedHub.get().demoSmsc();
        List<SimMessage> toFarmer = new CopyOnWriteArrayList<>();
        sim.onMessage(m -> {
            if (m.to().endsWith(FARMER.substring(2))) toFarmer.add(m);
        });
        sim.injectMo(FARMER, "12316", "问 玉米叶子发黄怎么办", 8);
        Question q = awaitQuestion(20);

        chromium.signIn("q-agent-hb", SharedHub.PASSWORD);
        chromium.open("/console/questions?state=OPEN");
        Pages.follow(chromium.browser, () -> chromium.browser.findElement(org.openqa.selenium.By.linkText(q.number())).click());
        assertTrue(chromium.text("question-text").contains("玉米叶子发黄怎么办"), chromium.text());
        chromium.click("assign");
        chromium.type("answer", "多为缺氮，每亩追施尿素10公斤，并注意排水。");
        chromium.shot("question-answer");
        chromium.click("send-answer");
        assertTrue(chromium.text("question-state").contains("ANSWERED"), chromium.text());

        long end = System.nanoTime() + 20_000_000_000L;
        while (toFarmer.stream().noneMatch(m -> m.text().contains("每亩追施尿素10公斤")) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        SimMessage answer = toFarmer.stream().filter(m -> m.text().contains("每亩追施尿素10公斤")).findFirst()
                .orElseThrow(() -> new AssertionError("no answer at the simulator; got " + toFarmer));
        assertTrue(answer.text().contains(q.number()), "the answer names the ticket: " + answer.text());
        chromium.click("close");
        assertEquals("CLOSED", chromium.text("question-state").split(" ")[0]);
    }

    /** The question the SMS channel filed for {@link #FARMER} (the number the farmer was sent back). */
    private static Question awaitQuestion(int seconds) throws InterruptedException {
        QuestionStore store = new QuestionStore(SharedHub.get().store(), Clock.systemUTC(),
                WorkingDays.mondayToFriday(ZoneId.of("Asia/Shanghai")));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (String phone : List.of("+" + FARMER, FARMER, FARMER.substring(2))) {
                Optional<Question> q = store.latestOf(phone);
                if (q.isPresent()) return q.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the SMS question was not filed");
    }
}
