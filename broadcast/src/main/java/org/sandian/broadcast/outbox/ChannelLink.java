package org.sandian.broadcast.outbox;

import io.vertx.core.Future;

/**
 * Hands one entry to the channel that delivers it. The future succeeds once the channel has
 * stored the message (it will send it); it fails when the channel is not reachable now (the
 * entry is offered again later, with the same id, which the channel sends at most once).
 */
public interface ChannelLink {

    Future<Void> send(EntryKey key, String text, String broadcastId);
}
