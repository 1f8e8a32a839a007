package org.sandian.content.answer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The one answer engine every channel asks: a {@link Query} in, an {@link Answer} out. Channels use
 * {@link #proxy(Vertx)}, which goes over the event bus, so any node of a cluster can answer.
 */
public interface AnswerService {

    Future<Answer> answer(Query query);

    static AnswerService proxy(Vertx vertx) {
        return new AnswerClient(vertx);
    }
}
