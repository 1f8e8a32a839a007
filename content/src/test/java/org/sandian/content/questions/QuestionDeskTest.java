package org.sandian.content.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.TicketCommand;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** The desk over the real event bus with the embedded store. */
class QuestionDeskTest {

    private static final String FARMER = "+8613800138000";
    private static final String NEIGHBOUR = "+8613900139000";

    private static Vertx vertx;
    private static MongoStore mongo;
    private static QuestionStore store;

    @BeforeAll
    static void start() throws Exception {
        mongo = TestStore.open();
        store = new QuestionStore(mongo, Clock.systemUTC(), WorkingDays.mondayToFriday(ZoneId.of("Asia/Shanghai")));
        vertx = Vertx.vertx();
        vertx.deployVerticle(new QuestionDesk(store)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }

    private static Answer send(Intent action, String phone, String text) throws Exception {
        TicketCommand c = new TicketCommand(action, phone, Channel.SMS, text, null, "420106000000", Lang.ZH);
        return vertx.eventBus().<Answer>request(Addresses.TICKET_COMMAND, c, RecordCodec.options(TicketCommand.class))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
    }

    @Test
    void askGivesATicketTheFarmerCanLookUpWithTheOfficersAnswer() throws Exception {
        Answer.Ticket t = assertInstanceOf(Answer.Ticket.class, send(Intent.ASK, FARMER, "柑橘红蜘蛛用什么药？"));
        assertEquals("OPEN", t.state());
        assertEquals(Intent.ASK, t.kind());

        Answer.Ticket open = assertInstanceOf(Answer.Ticket.class, send(Intent.STATUS, FARMER, "# " + t.number()));
        assertEquals("OPEN", open.state());
        assertNull(open.answer());

        store.answer(t.number(), "officer-chen", "用阿维菌素，7天一次。");
        Answer.Ticket answered = assertInstanceOf(Answer.Ticket.class, send(Intent.STATUS, FARMER, "No." + t.number()));
        assertEquals("ANSWERED", answered.state());
        assertEquals("用阿维菌素，7天一次。", answered.answer());
    }

    @Test
    void anotherPhoneCannotSeeTheTicketButTheConsoleCan() throws Exception {
        Answer.Ticket t = assertInstanceOf(Answer.Ticket.class, send(Intent.COMPLAIN, FARMER, "村里路灯坏了三个月"));
        assertEquals(Intent.COMPLAIN, t.kind());
        Answer.NotFound hidden = assertInstanceOf(Answer.NotFound.class, send(Intent.STATUS, NEIGHBOUR, t.number()));
        assertEquals(Intent.STATUS, hidden.intent());
        Answer.Ticket console = assertInstanceOf(Answer.Ticket.class, send(Intent.STATUS, null, t.number()));
        assertEquals(t.number(), console.number());
    }

    @Test
    void unknownOrMistypedNumberIsNotFound() throws Exception {
        Answer.Ticket t = assertInstanceOf(Answer.Ticket.class, send(Intent.ASK, FARMER, "小麦什么时候播种"));
        String typo = t.number().substring(0, 3) + (char) ('0' + (t.number().charAt(3) - '0' + 1) % 10) + t.number().substring(4);
        Answer.NotFound nf = assertInstanceOf(Answer.NotFound.class, send(Intent.STATUS, FARMER, typo));
        assertEquals(typo, nf.input());
        assertInstanceOf(Answer.NotFound.class, send(Intent.STATUS, FARMER, "99999997"));
    }

    @Test
    void aSpokenQuestionWithoutTextIsStoredWithItsRecording() throws Exception {
        TicketCommand c = new TicketCommand(Intent.ASK, FARMER, Channel.VOICE, "", "q-20260304-0001.wav", null, Lang.ZH);
        Answer a = vertx.eventBus().<Answer>request(Addresses.TICKET_COMMAND, c, RecordCodec.options(TicketCommand.class))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
        Answer.Ticket t = assertInstanceOf(Answer.Ticket.class, a);
        Question stored = store.find(t.number()).orElseThrow();
        assertEquals("q-20260304-0001.wav", stored.recording());
        assertEquals(Channel.VOICE, stored.channel());
    }

    @Test
    void emptyQuestionIsPolitelyNotFound() throws Exception {
        Answer.NotFound nf = assertInstanceOf(Answer.NotFound.class, send(Intent.ASK, FARMER, "   "));
        assertEquals(Intent.ASK, nf.intent());
        assertEquals(Lang.ZH, nf.lang());
    }

    @Test
    void statusWithoutANumberShowsTheFarmersLatestTicket() throws Exception {
        String phone = "+8613700137000";
        send(Intent.ASK, phone, "第一个问题");
        Answer.Ticket latest = assertInstanceOf(Answer.Ticket.class, send(Intent.ASK, phone, "第二个问题"));
        Answer.Ticket shown = assertInstanceOf(Answer.Ticket.class, send(Intent.STATUS, phone, ""));
        assertEquals(latest.number(), shown.number());
    }
}
