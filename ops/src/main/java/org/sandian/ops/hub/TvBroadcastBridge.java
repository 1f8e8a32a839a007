package org.sandian.ops.hub;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.sandian.broadcast.BroadcastAddresses;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.channels.tv.TvItem;
import org.sandian.channels.tv.TvItems;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.model.Lang;
import org.sandian.content.model.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts broadcasts marked for TV on the village boards and caption feeds while they are valid:
 * from the moment they start sending for {@code validFor} (a day when unset), and takes cancelled
 * ones off at once. A round runs whenever a broadcast changes, and every 30 s: the boards keep items
 * in memory, so a restarted hub, or a new node, shows them again within a round.
 */
final class TvBroadcastBridge {

    static final Duration ROUND = Duration.ofSeconds(30);
    private static final Duration DEFAULT_VALIDITY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(TvBroadcastBridge.class);

    private final Vertx vertx;
    private final BroadcastStore broadcasts;
    private final Clock clock;

    TvBroadcastBridge(Vertx vertx, BroadcastStore broadcasts, Clock clock) {
        this.vertx = vertx;
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    void start() {
        RecordCodec.register(vertx.eventBus(), TvItem.class);
        round();
        vertx.setPeriodic(ROUND.toMillis(), id -> round());
        vertx.eventBus().consumer(BroadcastAddresses.BROADCAST_CHANGED, m -> round());
    }

    private void round() {
        vertx.executeBlocking(broadcasts::all, false).onSuccess(all -> {
            Instant now = clock.instant();
            for (Broadcast b : all) {
                if (!b.channels().contains(Channel.TV) || b.fired() == 0) continue;
                vertx.eventBus().publish(TvItems.ADDRESS, itemOf(b, now), RecordCodec.options(TvItem.class));
            }
        }).onFailure(e -> log.warn("tv bridge: broadcasts not readable now: {}", e.toString()));
    }

    private static TvItem itemOf(Broadcast b, Instant now) {
        Instant from = b.updatedAt();
        boolean withdrawn = b.state() == BroadcastState.CANCELLED || b.state() == BroadcastState.EXPIRED;
        Instant until = withdrawn ? now.minusSeconds(1)
                : from.plus(b.validFor() == null ? DEFAULT_VALIDITY : b.validFor());
        LocalizedText text = LocalizedText.of(b.textFor(Lang.ZH), b.textFor(Lang.EN));
        return new TvItem("broadcast:" + b.id(), text, b.audience().regions(), from, until);
    }
}
