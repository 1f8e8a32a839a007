package org.sandian.broadcast.outbox;

import io.vertx.core.Future;
import org.sandian.broadcast.core.Broadcast;

/**
 * Hands one entry to the channel that delivers it. The future succeeds once the channel has
 * stored the message (it will send it); it fails when the channel is not reachable now (the
 * entry is offered again later, with the same id, which the channel sends at most once).
 */
public interface ChannelLink {

    /**
     * @param message   the recipient's text and its language, and the recording a voice call plays (or null)
     * @param broadcast what it belongs to (its id for reports, its audience for what a reply may subscribe to)
     */
    Future<Void> send(EntryKey key, Broadcast.Message message, Broadcast broadcast);
}
