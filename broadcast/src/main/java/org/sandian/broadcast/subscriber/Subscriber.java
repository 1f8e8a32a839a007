package org.sandian.broadcast.subscriber;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.model.Lang;

/**
 * A farmer the hub may reach. Stored with {@code _id} = {@link #phone()} (E.164), so every lookup
 * is keyed. Times are UTC.
 *
 * @param regionCode the 12-digit region he registered (village or township), or null
 * @param crops      commodity codes he grows
 * @param topics     "price:&lt;commodity&gt;", "guidance:&lt;crop&gt;", "notices"
 * @param channels   channels he consented to be reached on (SMS, VOICE)
 * @param source     how he joined: "sms", "voice", "web", "import:&lt;officer&gt;"...
 * @param consentAt  when he last gave consent (subscribed, registered or was imported with consent)
 */
public record Subscriber(String phone, String name, Lang lang, String regionCode, List<String> crops,
                         List<String> topics, Set<Channel> channels, SubscriberStatus status, String source,
                         Instant consentAt, Instant createdAt, Instant updatedAt) {

    public Subscriber {
        crops = crops == null ? List.of() : List.copyOf(crops); // no copy when already immutable
        topics = topics == null ? List.of() : List.copyOf(topics);
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(channels);
        if (status == null) status = SubscriberStatus.ACTIVE;
    }

    /** A new active number first met on {@code source} (e.g. a farmer's first SMS). */
    public static Subscriber fresh(String phone, Lang lang, Channel channel, String source, Instant now) {
        Set<Channel> consent = channel == Channel.SMS || channel == Channel.VOICE ? Set.of(channel) : Set.of();
        return new Subscriber(phone, null, lang, null, List.of(), List.of(), consent, SubscriberStatus.ACTIVE,
                source, now, now, now);
    }

    public boolean isStopped() {
        return status == SubscriberStatus.STOPPED;
    }

    public FarmerProfile profile() {
        return new FarmerProfile(phone, lang, regionCode, crops, isStopped());
    }

    public Subscriber withTopic(String topic, Channel channel, Instant now) {
        LinkedHashSet<String> t = new LinkedHashSet<>(topics);
        t.add(topic);
        return new Subscriber(phone, name, lang, regionCode, crops, List.copyOf(t), consenting(channel),
                SubscriberStatus.ACTIVE, source, now, createdAt, now);
    }

    public Subscriber stopped(Instant now) {
        return new Subscriber(phone, name, lang, regionCode, crops, topics, channels, SubscriberStatus.STOPPED,
                source, consentAt, createdAt, now);
    }

    /** Registration sets the region; crops given replace the old list, none keeps it. */
    public Subscriber registered(String region, List<String> newCrops, Channel channel, Instant now) {
        List<String> c = newCrops == null || newCrops.isEmpty() ? crops : newCrops;
        return new Subscriber(phone, name, lang, region, c, topics, consenting(channel), SubscriberStatus.ACTIVE,
                source, now, createdAt, now);
    }

    public Subscriber inLang(Lang newLang, Instant now) {
        return new Subscriber(phone, name, newLang, regionCode, crops, topics, channels, status, source, consentAt,
                createdAt, now);
    }

    private Set<Channel> consenting(Channel channel) {
        if (channel != Channel.SMS && channel != Channel.VOICE) return channels;
        EnumSet<Channel> c = channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
        c.add(channel);
        return c;
    }
}
