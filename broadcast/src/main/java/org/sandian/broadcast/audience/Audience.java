package org.sandian.broadcast.audience;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;

/**
 * Who a broadcast is for. Each list is "any of"; an empty list does not filter. Stopped numbers
 * are always excluded, and a subscriber is reached on a channel only if he consented to it.
 *
 * @param regions region codes at any level (province to village): the whole subtree matches
 * @param crops   commodity codes grown
 * @param topics  subscription topics ("price:maize", "guidance:rapeseed", "notices")
 * @param langs   languages read
 */
public record Audience(List<String> regions, List<String> crops, List<String> topics, Set<Lang> langs) {

    public Audience {
        regions = regions == null ? List.of() : List.copyOf(regions);
        crops = crops == null ? List.of() : List.copyOf(crops);
        topics = topics == null ? List.of() : List.copyOf(topics);
        langs = langs == null || langs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(langs));
        for (String r : regions) {
            if (!RegionCode.isValid(r)) throw new IllegalArgumentException("not a 12-digit region code: " + r);
        }
    }

    public static Audience everyone() {
        return new Audience(List.of(), List.of(), List.of(), Set.of());
    }

    /** True when {@code s} is in this audience on {@code channel}. */
    public boolean includes(Subscriber s, Channel channel) {
        return includes(s) && s.channels().contains(channel);
    }

    /** True when {@code s} is in this audience on some channel (consent aside). */
    public boolean includes(Subscriber s) {
        if (s.isStopped()) return false;
        if (!langs.isEmpty() && (s.lang() == null || !langs.contains(s.lang()))) return false;
        if (!regions.isEmpty() && regions.stream().noneMatch(r -> RegionCode.isWithin(s.regionCode(), r))) return false;
        if (!crops.isEmpty() && crops.stream().noneMatch(s.crops()::contains)) return false;
        return topics.isEmpty() || topics.stream().anyMatch(s.topics()::contains);
    }

    /** True when every region of this audience lies within one of {@code scope} (an officer's area). */
    public boolean isWithin(List<String> scope) {
        if (scope.isEmpty()) return true;
        if (regions.isEmpty()) return false;
        return regions.stream().allMatch(r -> scope.stream().anyMatch(s -> RegionCode.isWithin(r, s)));
    }
}
