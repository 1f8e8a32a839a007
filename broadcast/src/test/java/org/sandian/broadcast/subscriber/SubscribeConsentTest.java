package org.sandian.broadcast.subscriber;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.SubscriberCommand;
import org.sandian.content.model.Lang;

/** Price alerts go by SMS: subscribing from any channel consents to SMS, or no alert would reach the farmer. */
class SubscribeConsentTest {

    private final SubscriberCommands commands = new SubscriberCommands(Lang.ZH);

    private Subscriber subscribedFrom(Channel channel) {
        SubscriberCommand c = new SubscriberCommand(Intent.SUBSCRIBE, "+8613800000077", channel, "price", List.of("103"),
                null, Lang.ZH);
        return commands.apply(null, c, Instant.parse("2026-12-02T08:00:00Z")).changed();
    }

    @Test
    void theHotlinesMenu4AndTheWebFormConsentToSmsAlerts() {
        for (Channel from : List.of(Channel.VOICE, Channel.WEB, Channel.SMS)) {
            Subscriber s = subscribedFrom(from);
            assertTrue(s.channels().contains(Channel.SMS), from + " subscription consents to SMS: " + s.channels());
            assertTrue(s.topics().contains("price:103"), s.topics().toString());
        }
    }
}
