package org.sandian.content.answer;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.snapshot.SnapshotHolder;

/**
 * Serves {@link Addresses#ANSWER} on this node and keeps the content snapshot fresh: ready once the
 * first snapshot is loaded and the consumer registered.
 */
public final class AnswerVerticle extends VerticleBase {

    private final SnapshotHolder snapshot;
    private final AnswerService service;

    public AnswerVerticle(SnapshotHolder snapshot, AnswerService service) {
        this.snapshot = snapshot;
        this.service = service;
    }

    @Override
    public Future<?> start() {
        MessageTypes.register(vertx.eventBus());
        DeliveryOptions reply = RecordCodec.options(Answer.class);
        // The body names the changed collection ("notices"); anything else reloads everything.
        vertx.eventBus().consumer(Addresses.CONTENT_CHANGED,
                m -> snapshot.reload(m.body() instanceof String collection ? collection : null));
        MessageConsumer<Query> consumer = vertx.eventBus().consumer(Addresses.ANSWER, m ->
                service.answer(m.body()).onComplete(
                        a -> m.reply(a, reply),
                        e -> m.fail(500, e.getMessage())));
        return Future.join(snapshot.reload(), consumer.completion());
    }
}
