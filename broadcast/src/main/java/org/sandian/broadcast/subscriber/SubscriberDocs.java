package org.sandian.broadcast.subscriber;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/** Subscriber to and from its stored document; {@code _id} is the E.164 phone. */
final class SubscriberDocs {

    private static final java.util.Map<String, Lang> LANGS = java.util.Map.of(Lang.ZH.code(), Lang.ZH, Lang.EN.code(), Lang.EN);

    private SubscriberDocs() {
    }

    static Document toDoc(Subscriber s) {
        return new Document("_id", s.phone())
                .append("name", s.name())
                .append("lang", s.lang() == null ? null : s.lang().code())
                .append("region", s.regionCode())
                .append("crops", s.crops())
                .append("topics", s.topics())
                .append("channels", s.channels().stream().map(Enum::name).sorted().toList())
                .append("status", s.status().name())
                .append("source", s.source())
                .append("consentAt", date(s.consentAt()))
                .append("createdAt", date(s.createdAt()))
                .append("updatedAt", date(s.updatedAt()));
    }

    static Subscriber fromDoc(Document d) {
        String lang = d.getString("lang");
        List<String> channelNames = d.getList("channels", String.class, List.of());
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String c : channelNames) channels.add(Channel.valueOf(c));
        return new Subscriber(d.getString("_id"), d.getString("name"), lang == null ? null : LANGS.get(lang),
                d.getString("region"), d.getList("crops", String.class, List.of()),
                d.getList("topics", String.class, List.of()), channels,
                SubscriberStatus.valueOf(d.get("status", SubscriberStatus.ACTIVE.name())), d.getString("source"),
                instant(d.getDate("consentAt")), instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")));
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
