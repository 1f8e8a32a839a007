package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.OutboundSms.Priority;
import org.sandian.content.bus.RecordCodec;

class ChannelOverBusTest {

    private SmsTestBed bed;

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void transmitterPlusReceiverBindsSendOverTheBusAndPublishEveryStoredMo() throws Exception {
        bed = new SmsTestBed().startSim();
        List<InboundMessage> published = new CopyOnWriteArrayList<>();
        bed.vertx.eventBus().<InboundMessage>consumer(Addresses.SMS_RECEIVED, m -> published.add(m.body()));
        bed.deploy(bed.options().withBindType(SmsOptions.BindType.TX_RX).withBinds(2));
        bed.awaitBound();
        assertEquals(4, bed.sim.boundSessions(), "two transmitters and two receivers");
        SmsHealth health = bed.channel.health();
        assertEquals(4, health.bindsUp());
        assertTrue(health.up());

        String id = bed.vertx.eventBus().<String>request(Addresses.SMS_SEND,
                new OutboundSms("bus-1", "+8613800000008", "已退订，回复任意内容可重新订阅", Priority.REPLY, "reply"),
                RecordCodec.options(OutboundSms.class)).toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).body();
        assertEquals("bus-1", id);
        assertTrue(bed.sim.awaitMessages(1, 5_000));
        assertEquals("已退订，回复任意内容可重新订阅", bed.sim.messages().get(0).text());

        bed.sim.injectMo("8613800000008", "12316", "TD", 0);
        SmsTestBed.await(() -> published.size() == 1 && bed.received.size() == 1, 5_000, "MO handled and published");
        assertEquals("TD", published.get(0).text());
        assertEquals(1, bed.channel.health().moReceived());
    }

    @Test
    void disabledChannelStartsWithoutBinding() throws Exception {
        bed = new SmsTestBed();
        bed.deploy(SmsOptions.disabled());
        assertEquals(0, bed.channel.health().bindsUp());
    }
}
