package org.sandian.broadcast.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

class AudienceCounterTest {

    static final String HUBEI = "420000000000";
    static final String QIANJIANG = "429005000000";
    static final String QJ_TOWNSHIP = "429005100000";
    static final String QJ_VILLAGE = "429005100201";
    static final String WUHAN_VILLAGE = "420102001001";
    static final String HUNAN_VILLAGE = "430102001001";

    private static MongoStore mongo;
    private static AudienceCounter counter;
    private static TargetIndex index;

    static Subscriber farmer(String phone, Lang lang, String region, List<String> crops, Set<Channel> channels,
                             SubscriberStatus status) {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        return new Subscriber(phone, null, lang, region, crops, List.of("notices"), channels, status, "test", t, t, t);
    }

    @BeforeAll
    static void fill() {
        mongo = TestStore.open();
        SubscriberStore store = new SubscriberStore(mongo);
        store.insertAll(List.of(
                farmer("+8613800000001", Lang.ZH, QJ_VILLAGE, List.of("rapeseed"), Set.of(Channel.SMS), SubscriberStatus.ACTIVE),
                farmer("+8613800000002", Lang.EN, QJ_VILLAGE, List.of("rapeseed"), Set.of(Channel.SMS), SubscriberStatus.ACTIVE),
                farmer("+8613800000003", Lang.ZH, QJ_TOWNSHIP, List.of("rice"), Set.of(Channel.SMS, Channel.VOICE), SubscriberStatus.ACTIVE),
                farmer("+8613800000004", Lang.ZH, QJ_VILLAGE, List.of("rapeseed"), Set.of(Channel.SMS), SubscriberStatus.STOPPED),
                farmer("+8613800000005", Lang.ZH, WUHAN_VILLAGE, List.of("rapeseed"), Set.of(Channel.VOICE), SubscriberStatus.ACTIVE),
                farmer("+8613800000006", Lang.ZH, HUNAN_VILLAGE, List.of("rapeseed"), Set.of(Channel.SMS), SubscriberStatus.ACTIVE)));
        counter = new AudienceCounter(store::forEachTargetable);
        index = new TargetIndex(store);
        index.load();
    }

    @AfterAll
    static void close() {
        mongo.close();
    }

    private static long sms(Audience a) {
        return counter.count(a, Set.of(Channel.SMS)).people();
    }

    @Test
    void regionSubtreeMatchesAtEveryLevelAndStoppedNumbersNeverCount() {
        assertEquals(2, sms(new Audience(List.of(QJ_VILLAGE), List.of(), List.of(), Set.of())));
        assertEquals(3, sms(new Audience(List.of(QJ_TOWNSHIP), List.of(), List.of(), Set.of())));
        assertEquals(3, sms(new Audience(List.of(QIANJIANG), List.of(), List.of(), Set.of())));
        assertEquals(3, sms(new Audience(List.of(HUBEI), List.of(), List.of(), Set.of())), "Wuhan farmer only consented to voice");
        assertEquals(4, sms(Audience.everyone()));
    }

    @Test
    void rapeseedGrowersInQianjiangWhoReadChinese() {
        Audience a = new Audience(List.of(QIANJIANG), List.of("rapeseed"), List.of(), Set.of(Lang.ZH));
        AudienceSize size = counter.count(a, Set.of(Channel.SMS, Channel.VOICE));
        assertEquals(1, size.people());
        assertEquals(Map.of(Channel.SMS, 1L), size.byChannel());
    }

    @Test
    void consentedChannelsAreCountedSeparately() {
        AudienceSize size = counter.count(new Audience(List.of(HUBEI), List.of(), List.of(), Set.of()),
                Set.of(Channel.SMS, Channel.VOICE));
        assertEquals(4, size.people());
        assertEquals(3L, size.byChannel().get(Channel.SMS));
        assertEquals(2L, size.byChannel().get(Channel.VOICE));
        assertEquals(Map.of(Lang.ZH, 3L, Lang.EN, 1L), size.byLang());
    }

    @Test
    void theInMemoryIndexCountsTheSameAsTheStore() {
        Audience a = new Audience(List.of(HUBEI), List.of("rapeseed"), List.of(), Set.of());
        Set<Channel> both = Set.of(Channel.SMS, Channel.VOICE);
        assertEquals(counter.count(a, both), new AudienceCounter(index).count(a, both));
        assertEquals(6, index.size());
    }

    @Test
    void englishReadersOnly() {
        assertEquals(1, sms(new Audience(List.of(), List.of(), List.of(), Set.of(Lang.EN))));
    }
}
