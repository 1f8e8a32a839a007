package org.sandian.broadcast.outbox;

import java.time.ZoneId;
import java.util.Map;
import org.sandian.content.answer.Channel;

/**
 * @param workers     sending threads of this node (each works on one chunk at a time)
 * @param window      messages one worker may have handed over and not yet acknowledged
 * @param leaseMillis how long a chunk stays claimed without renewal (a dead worker's chunks are
 *                    taken over after this)
 * @param tps         messages per second per channel for this node (SMS: the operator's limit)
 * @param zone        the hub's zone, for quiet hours
 */
public record SenderOptions(int workers, int window, long leaseMillis, Map<Channel, Double> tps, ZoneId zone) {

    public static SenderOptions defaults() {
        return new SenderOptions(4, 200, 30_000, Map.of(Channel.SMS, 100.0, Channel.VOICE, 10.0),
                ZoneId.of("Asia/Shanghai"));
    }

    public double tpsOf(Channel c) {
        Double t = tps.get(c);
        return t == null ? 10.0 : t;
    }
}
