package org.sandian.broadcast.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/** Synthetic subscribers for tests and the bench. */
public final class Farmers {

    private Farmers() {
    }

    /** {@code n} active SMS subscribers in {@code region}, phones {@code prefix} + 8 digits, written in batches. */
    public static List<String> add(SubscriberStore store, String prefix, int n, String region, Lang lang, List<String> crops) {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        List<String> phones = new ArrayList<>(n);
        List<Subscriber> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String phone = prefix + String.format("%08d", i);
            phones.add(phone);
            batch.add(new Subscriber(phone, null, lang, region, crops, List.of("notices"), Set.of(Channel.SMS),
                    SubscriberStatus.ACTIVE, "test", t, t, t));
            if (batch.size() == 1_000) {
                store.insertAll(batch);
                batch.clear();
            }
        }
        store.insertAll(batch);
        return phones;
    }
}
