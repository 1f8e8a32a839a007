package org.sandian.content.answer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.RecordCodec;

/** The event-bus proxy of {@link AnswerService}: what channels hold. */
final class AnswerClient implements AnswerService {

    private static final long TIMEOUT_MS = 5_000;

    private final Vertx vertx;
    private final DeliveryOptions options = RecordCodec.options(Query.class).setSendTimeout(TIMEOUT_MS);

    AnswerClient(Vertx vertx) {
        this.vertx = vertx;
        MessageTypes.register(vertx.eventBus());
    }

    @Override
    public Future<Answer> answer(Query query) {
        return vertx.eventBus().<Answer>request(Addresses.ANSWER, query, options).map(Message::body);
    }
}
