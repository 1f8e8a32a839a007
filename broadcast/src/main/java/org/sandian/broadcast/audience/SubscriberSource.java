package org.sandian.broadcast.audience;

import java.util.function.Consumer;
import org.sandian.broadcast.subscriber.Subscriber;

/** Every subscriber once, with what audiences look at: the store (a scan) or the in-memory index. */
@FunctionalInterface
public interface SubscriberSource {

    void forEach(Consumer<Subscriber> visitor);
}
