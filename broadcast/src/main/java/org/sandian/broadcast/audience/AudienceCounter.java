package org.sandian.broadcast.audience;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/** Counts an audience in one pass over the subscribers, index or store (blocking: call on a worker). */
public final class AudienceCounter {

    private final SubscriberSource source;

    public AudienceCounter(SubscriberSource source) {
        this.source = source;
    }

    public AudienceSize count(Audience audience, Set<Channel> channels) {
        long[] people = {0};
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        Map<Lang, Long> byLang = new EnumMap<>(Lang.class);
        source.forEach(s -> {
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
