package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.OutboundSms.Priority;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SmsStatus;

class StopDropsQueuedBulkTest {

    private static final String FARMER = "+8613800000031";
    private static final String OTHER = "+8613800000032";

    private final SmsTestBed bed = new SmsTestBed();
    private final Map<String, SmsStatus> last = new ConcurrentHashMap<>();

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private String send(String id, String to, String text, Priority p) throws Exception {
        return bed.channel.sender().send(new OutboundSms(id, to, text, p, "test")).get(5, TimeUnit.SECONDS);
    }

    @Test
    void bulkMtsQueuedBeforeTdAreNotSentButRepliesAndOtherFarmersStillAre() throws Exception {
        // the SMSC is down at first, so everything stays queued
        bed.deploy(bed.options());
        bed.vertx.eventBus().<SmsStatus>consumer(Addresses.SMS_STATUS, m -> last.put(m.body().id(), m.body()));
        send("b1:S:0:0:" + FARMER, FARMER, "寒潮预警 cold wave tonight", Priority.BULK);
        send("b2:S:0:0:" + FARMER, FARMER, "玉米 武汉 2.35元/公斤", Priority.BULK);
        send("b1:S:0:1:" + OTHER, OTHER, "寒潮预警 cold wave tonight", Priority.BULK);
        bed.vertx.eventBus().publish(Addresses.STOPPED, FARMER);
        // over the bus too, so it is handled after the TD on the channel's event loop
        bed.vertx.eventBus().<String>request(Addresses.SMS_SEND,
                new OutboundSms("r1", FARMER, "您已退订。You are unsubscribed.", Priority.REPLY, "test"),
                RecordCodec.options(OutboundSms.class)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        bed.startSim();
        bed.awaitBound();
        SmsTestBed.await(() -> bed.sim.messages().size() == 2, 5_000, "the reply and the other farmer's MT");
        SmsTestBed.await(() -> last.containsKey("b2:S:0:0:" + FARMER), 5_000, "status of the stopped MT");
        List<SimMessage> sent = bed.sim.messages();
        assertEquals(1, sent.stream().filter(m -> m.to().equals("8613800000031")).count(), sent.toString());
        assertEquals("您已退订。You are unsubscribed.",
                sent.stream().filter(m -> m.to().equals("8613800000031")).findFirst().orElseThrow().text());
        assertEquals(SmsStatus.State.FAILED, last.get("b1:S:0:0:" + FARMER).state());
        assertEquals("stopped", last.get("b2:S:0:0:" + FARMER).error());
    }
}
