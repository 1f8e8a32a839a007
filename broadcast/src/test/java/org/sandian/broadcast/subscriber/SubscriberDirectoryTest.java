package org.sandian.broadcast.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.testing.Await;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SubscriberCommand;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** The directory over the real bus and the embedded store. */
class SubscriberDirectoryTest {

    private static final String QIANJIANG_VILLAGE = "429005100201";
    private static Vertx vertx;
    private static MongoStore mongo;
    private static SubscriberStore store;
    private static SubscriberDirectory directory;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        MessageTypes.register(vertx.eventBus());
        mongo = TestStore.open();
        store = new SubscriberStore(mongo);
        directory = new SubscriberDirectory(store, new DirectoryOptions(Lang.ZH, 1_000), Clock.systemUTC());
        vertx.deployVerticle(directory).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        mongo.close();
    }

    private static Answer command(Intent action, String phone, String topic, List<String> commodities, String region,
                                  Lang lang) {
        SubscriberCommand c = new SubscriberCommand(action, phone, Channel.SMS, topic, commodities, region, lang);
        return vertx.eventBus().<Answer>request(Addresses.SUBSCRIBER_COMMAND, c,
                RecordCodec.options(SubscriberCommand.class)).map(Message::body).await();
    }

    private static FarmerProfile profile(String phone) {
        return vertx.eventBus().<FarmerProfile>request(Addresses.PROFILE, phone).map(Message::body).await();
    }

    @Test
    void unknownNumberHasNoProfile() {
        assertNull(profile("+8613900000001"));
        assertNull(profile("not a phone"));
    }

    @Test
    void subscribeCreatesAnActiveSubscriberWithTheTopicAndSmsConsent() {
        Answer a = command(Intent.SUBSCRIBE, "13800000002", "price", List.of("maize"), null, Lang.ZH);
        assertEquals(new Answer.Done(Lang.ZH, Intent.SUBSCRIBE, "price:maize", "subscribed"), a);
        Subscriber s = store.find("+8613800000002");
        assertEquals(List.of("price:maize"), s.topics());
        assertTrue(s.channels().contains(Channel.SMS));
        assertEquals(SubscriberStatus.ACTIVE, s.status());
        assertEquals("sms", s.source());
        assertFalse(profile("+8613800000002").stopped());
    }

    @Test
    void registerSetsRegionAndCropsAndTheCachedProfileFollows() {
        command(Intent.SUBSCRIBE, "+8613800000003", "notices", List.of(), null, Lang.ZH);
        assertNull(profile("+8613800000003").regionCode()); // now cached
        Answer a = command(Intent.REGISTER, "+8613800000003", null, List.of("rapeseed"), QIANJIANG_VILLAGE, Lang.ZH);
        assertEquals(new Answer.Done(Lang.ZH, Intent.REGISTER, QIANJIANG_VILLAGE, "registered"), a);
        FarmerProfile p = profile("+86 138 0000 0003");
        assertEquals(QIANJIANG_VILLAGE, p.regionCode());
        assertEquals(List.of("rapeseed"), p.crops());
    }

    @Test
    void registerWithABadRegionChangesNothing() {
        Answer a = command(Intent.REGISTER, "+8613800000009", null, List.of(), "12345", Lang.EN);
        assertInstanceOf(Answer.Failed.class, a);
        assertNull(store.find("+8613800000009"));
    }

    @Test
    void languageCommandChangesTheLanguage() {
        command(Intent.SUBSCRIBE, "+8613800000004", "notices", List.of(), null, Lang.ZH);
        assertEquals(Lang.ZH, profile("+8613800000004").lang());
        Answer a = command(Intent.LANGUAGE, "+8613800000004", null, List.of(), null, Lang.EN);
        assertEquals(new Answer.Done(Lang.EN, Intent.LANGUAGE, "en", "language"), a);
        assertEquals(Lang.EN, profile("+8613800000004").lang());
    }

    @Test
    void stopKeywordStopsEverythingAtOncePublishesTheNumberAndIsConfirmedOnce() {
        List<String> stopped = new CopyOnWriteArrayList<>();
        var consumer = vertx.eventBus().<String>consumer(Addresses.STOPPED, m -> stopped.add(m.body()));
        consumer.completion().await();
        command(Intent.SUBSCRIBE, "+8613800000005", "price", List.of("maize"), null, Lang.ZH);
        command(Intent.SUBSCRIBE, "+8613800000005", "guidance", List.of("rice"), null, Lang.ZH);
        assertFalse(profile("+8613800000005").stopped());

        Answer first = command(Intent.UNSUBSCRIBE, "+8613800000005", null, List.of(), null, Lang.ZH);
        Answer second = command(Intent.UNSUBSCRIBE, "+8613800000005", null, List.of(), null, Lang.ZH);

        assertEquals("stopped", ((Answer.Done) first).detail());
        assertEquals("already-stopped", ((Answer.Done) second).detail());
        assertTrue(profile("+8613800000005").stopped());
        assertEquals(SubscriberStatus.STOPPED, store.find("+8613800000005").status());
        Await.until(() -> stopped.contains("+8613800000005"));
        assertEquals(1, stopped.stream().filter("+8613800000005"::equals).count());
        consumer.unregister().await();

        command(Intent.SUBSCRIBE, "+8613800000005", "notices", List.of(), null, Lang.ZH);
        assertFalse(profile("+8613800000005").stopped(), "subscribing again reactivates");
    }

    @Test
    void changeMadeOutsideTheDirectoryReachesProfilesOnceAnnounced() {
        command(Intent.SUBSCRIBE, "+8613800000006", "notices", List.of(), null, Lang.ZH);
        assertNull(profile("+8613800000006").regionCode());
        Subscriber s = store.find("+8613800000006");
        store.save(s.registered(QIANJIANG_VILLAGE, List.of(), Channel.WEB, s.updatedAt()));
        vertx.eventBus().publish(org.sandian.broadcast.BroadcastAddresses.SUBSCRIBER_CHANGED, "+8613800000006");
        Await.until(() -> QIANJIANG_VILLAGE.equals(profile("+8613800000006").regionCode()));
    }

    @Test
    void cachedProfilesAnswerWithoutTheStore() {
        command(Intent.SUBSCRIBE, "+8613800000007", "notices", List.of(), null, Lang.ZH);
        profile("+8613800000007");
        long misses = directory.cache().misses();
        for (int i = 0; i < 100; i++) profile("+8613800000007");
        assertEquals(misses, directory.cache().misses());
    }

    /**
     * A number with no record is answered from the phones loaded at start, without a store read:
     * a record written behind the directory's back stays unseen until it is announced.
     */
    @Test
    void numbersWithoutARecordAreAnsweredFromMemory() {
        Await.until(directory::knowsPhones);
        Subscriber s = new Subscriber("+8613800000008", null, Lang.EN, QIANJIANG_VILLAGE, List.of(), List.of(),
                java.util.Set.of(Channel.SMS), SubscriberStatus.ACTIVE, "test", null, null, null);
        store.save(s);
        assertNull(profile("+8613800000008"), "not announced: known to have no record");
        vertx.eventBus().publish(org.sandian.broadcast.BroadcastAddresses.SUBSCRIBER_CHANGED, "13800000008");
        Await.until(() -> profile("+8613800000008") != null);
        assertEquals(Lang.EN, profile("+8613800000008").lang());

        store.save(new Subscriber("+8613800000009", null, Lang.EN, QIANJIANG_VILLAGE, List.of(), List.of(),
                java.util.Set.of(Channel.SMS), SubscriberStatus.ACTIVE, "test", null, null, null));
        assertNull(profile("+8613800000009"));
        // an import announces a bulk change: the phones are read again
        vertx.eventBus().publish(org.sandian.broadcast.BroadcastAddresses.SUBSCRIBER_CHANGED, SubscriberDirectory.ALL);
        Await.until(() -> profile("+8613800000009") != null);
    }
}
