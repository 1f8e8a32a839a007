package org.sandian.content.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

class QuestionStoreTest {

    /** Wednesday 2026-03-04 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-03-04T02:00:00Z");

    private MongoStore mongo;
    private QuestionStore store;

    @BeforeEach
    void open() {
        mongo = TestStore.open();
        store = new QuestionStore(mongo, Clock.fixed(NOW, ZoneOffset.UTC),
                WorkingDays.mondayToFriday(ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    private Question ask(String phone, String region) {
        return store.create(Intent.ASK, phone, Channel.SMS, "水稻叶子发黄怎么办", null, region, Lang.ZH);
    }

    @Test
    void aNewQuestionIsOpenDueInTwoWorkingDaysAndReadBackWhole() {
        Question q = ask("+8613800138000", "420106000000");
        assertEquals("1000009", q.number());
        assertEquals(QuestionState.OPEN, q.state());
        assertEquals(Instant.parse("2026-03-06T02:00:00Z"), q.due());
        assertEquals(q, store.find(q.number()).orElseThrow());
    }

    @Test
    void concurrentQuestionsGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 40; i++) numbers.add(pool.submit(() -> ask("+8613800138000", null).number()));
            Set<String> distinct = new HashSet<>();
            for (Future<String> n : numbers) distinct.add(n.get());
            assertEquals(40, distinct.size());
            for (String n : distinct) assertTrue(TicketNumbers.parse(n).isPresent(), n);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void officersListByStateAndRegionPageByPage() {
        for (int i = 0; i < 5; i++) ask("+86138001380" + (10 + i), "420106001001");
        ask("+8613900000000", "430100000000");
        Question taken = ask("+8613900000001", "420106000000");
        store.assign(taken.number(), "officer-wang");

        assertEquals(5, store.list(QuestionState.OPEN, "420100000000", 1, 10).size());
        assertEquals(3, store.list(QuestionState.OPEN, "420106000000", 1, 3).size());
        assertEquals(2, store.list(QuestionState.OPEN, "420106000000", 2, 3).size());
        assertEquals(1, store.list(QuestionState.OPEN, "430000000000", 1, 10).size());
        assertEquals(List.of(taken.number()),
                store.list(QuestionState.ASSIGNED, null, 1, 10).stream().map(Question::number).toList());
        assertEquals(7, store.list(null, null, 1, 100).size());

        Question unplaced = ask("+8613900000002", null);
        assertEquals(5, store.list(QuestionState.OPEN, "420000000000", false, 1, 10).size(), "a province's own");
        assertEquals(6, store.list(QuestionState.OPEN, "420000000000", true, 1, 10).size(), "and those of no region");
        assertTrue(store.list(QuestionState.OPEN, "430000000000", true, 1, 10).stream()
                .anyMatch(q -> q.number().equals(unplaced.number())));
    }

    @Test
    void assignAnswerCloseMoveTheQuestionAlong() {
        Question q = ask("+8613800138000", null);
        assertEquals(QuestionState.ASSIGNED, store.assign(q.number(), "officer-li").orElseThrow().state());
        Question answered = store.answer(q.number(), "officer-li", " 施尿素每亩5公斤。 ").orElseThrow();
        assertEquals(QuestionState.ANSWERED, answered.state());
        assertEquals("施尿素每亩5公斤。", answered.answer());
        assertEquals(NOW, answered.answeredAt());
        Question closed = store.close(q.number()).orElseThrow();
        assertEquals(QuestionState.CLOSED, closed.state());
        assertEquals(closed, store.find(q.number()).orElseThrow());
        assertThrows(IllegalStateException.class, () -> store.answer(q.number(), "officer-li", "late"));
        assertThrows(IllegalStateException.class, () -> store.assign(q.number(), "officer-li"));
        assertTrue(store.assign("9999999", "officer-li").isEmpty());
    }

    @Test
    void overdueListsUnansweredQuestionsPastTheirDueTime() {
        Question late = ask("+8613800138000", null);
        Question answered = ask("+8613800138001", null);
        store.answer(answered.number(), "officer-li", "已答复");
        QuestionStore later = new QuestionStore(mongo, Clock.fixed(late.due().plusSeconds(1), ZoneOffset.UTC),
                WorkingDays.mondayToFriday(ZoneId.of("Asia/Shanghai")));
        assertTrue(store.overdue(10).isEmpty());
        assertEquals(List.of(late.number()), later.overdue(10).stream().map(Question::number).toList());
    }

    @Test
    void answeringAnUnassignedQuestionNamesTheOfficer() {
        Question q = ask("+8613800138000", null);
        assertEquals("officer-zhao", store.answer(q.number(), "officer-zhao", "可以。").orElseThrow().assignee());
    }
}
