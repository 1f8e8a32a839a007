package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.Lang;

/** The answer service settles language and region from the farmer's profile on the bus. */
class HubAnswerServiceTest {

    static Vertx vertx;
    static HubAnswerService service;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        MessageTypes.register(vertx.eventBus());
        vertx.eventBus().<String>consumer(Addresses.PROFILE, m -> m.reply(
                "+8613800000001".equals(m.body())
                        ? new FarmerProfile(m.body(), Lang.EN, "429005104000", List.of("104"), false)
                        : null,
                RecordCodec.options(FarmerProfile.class)));
        DemoSnapshot.get(); // load before any event-loop thread asks
        AnswerEngine engine = new AnswerEngine(DemoSnapshot::get, DemoSnapshot.CLOCK, DemoSnapshot.ZONE);
        service = new HubAnswerService(vertx, engine, QueryLog.NONE, Lang.ZH);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static Answer ask(Query q) throws Exception {
        return service.answer(q).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void wordsThatDoNotTellALanguageAreAnsweredInTheProfilesLanguage() throws Exception {
        Answer a = ask(new Query(Intent.HELP, "", null, Channel.SMS, "+8613800000001", null, 1));
        assertEquals(Lang.EN, a.lang());
    }

    @Test
    void theLanguageAFarmerWritesInWinsOverHisProfile() throws Exception {
        Answer a = ask(new Query(Intent.PRICE, "玉米", Lang.ZH, Channel.SMS, "+8613800000001", null, 1));
        assertEquals(Lang.ZH, a.lang());
    }

    @Test
    void anUnknownNumberGetsTheHubDefaultLanguage() throws Exception {
        Answer a = ask(new Query(Intent.HELP, "", null, Channel.SMS, "+8613800000999", null, 1));
        assertEquals(Lang.ZH, a.lang());
    }

    @Test
    void pricesForARegisteredFarmerStartAtTheMarketNearestHisVillage() throws Exception {
        Answer.Prices p = assertInstanceOf(Answer.Prices.class,
                ask(new Query(Intent.PRICE, "玉米", null, Channel.SMS, "+8613800000001", null, 1)));
        assertEquals("429005", p.rows().get(0).market().regionCode().substring(0, 6));
    }
}
