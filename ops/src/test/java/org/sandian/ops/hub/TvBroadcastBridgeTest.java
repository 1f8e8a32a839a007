package org.sandian.ops.hub;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.BroadcastAddresses;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.ops.testing.SharedHub;

/** A broadcast marked for TV reaches the caption feed while it is valid, and leaves it when cancelled. */
class TvBroadcastBridgeTest {

    static final HttpClient http = HttpClient.newHttpClient();

    static String ticker() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/tv/ticker.txt"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static boolean tickerShows(String text, boolean expected) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (ticker().contains(text) == expected) return true;
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aSendingTvBroadcastIsOnTheTickerUntilCancelled() throws Exception {
        BroadcastStore store = new BroadcastStore(SharedHub.get().store());
        Instant now = Instant.now();
        Broadcast b = new Broadcast("tvtest0001", "防汛", Map.of(Lang.ZH, "今晚有暴雨，请做好防汛准备"), Map.of(),
                Set.of(Channel.TV), new Audience(List.of(), List.of(), List.of(), Set.of()),
                Schedule.now(), null, Duration.ofHours(6),
                BroadcastState.SENDING, "test", null, "reviewer", null, now, now, null, 1, 1);
        store.insert(b);
        SharedHub.get().vertx().eventBus().publish(BroadcastAddresses.BROADCAST_CHANGED, b.id());
        assertTrue(tickerShows("今晚有暴雨", true), "on the ticker while sending");

        store.update(b.with(BroadcastState.CANCELLED, "test", Instant.now()));
        SharedHub.get().vertx().eventBus().publish(BroadcastAddresses.BROADCAST_CHANGED, b.id());
        assertTrue(tickerShows("今晚有暴雨", false), "gone once cancelled");
    }
}
