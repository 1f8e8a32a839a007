package org.sandian.broadcast.audience;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/** Counts an audience in one streaming pass over the subscribers (blocking: call on a worker). */
public final class AudienceCounter {

    private final SubscriberStore store;

    public AudienceCounter(SubscriberStore store) {
        this.store = store;
    }

    public AudienceSize count(Audience audience, Set<Channel> channels) {
        long[] people = {0};
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        Map<Lang, Long> byLang = new EnumMap<>(Lang.class);
        store.forEachTargetable(s -> {
            boolean counted = false;
            for (Channel ch : channels) {
                if (!audience.includes(s, ch)) continue;
                byChannel.merge(ch, 1L, Long::sum);
                counted = true;
            }
            if (counted) {
                people[0]++;
                if (s.lang() != null) byLang.merge(s.lang(), 1L, Long::sum);
            }
        });
        return new AudienceSize(people[0], byChannel, byLang);
    }
}
