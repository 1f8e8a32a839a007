package org.sandian.broadcast.subscriber;

import java.time.Instant;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.SubscriberCommand;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;

/**
 * The rules of a farmer's own commands, without any I/O: SUBSCRIBE adds a topic and reactivates,
 * UNSUBSCRIBE stops everything at once and is confirmed once, REGISTER sets the region (and crops),
 * LANGUAGE sets the language.
 *
 * <p>Answers are {@code Answer.Done(lang, action, subject, detail)}: subject is the topic
 * ("price:maize"), the region code, or the language code; detail is "subscribed", "stopped",
 * "already-stopped" (a repeated TD: channels should not send a second confirmation),
 * "registered" or "language".
 */
public final class SubscriberCommands {

    private final Lang defaultLang;

    public SubscriberCommands(Lang defaultLang) {
        this.defaultLang = defaultLang;
    }

    public CommandOutcome apply(Subscriber current, SubscriberCommand c, Instant now) {
        Lang lang = c.lang() != null ? c.lang() : current != null && current.lang() != null ? current.lang() : defaultLang;
        Subscriber base = current != null ? current : Subscriber.fresh(c.phone(), lang, c.channel(), source(c), now);
        switch (c.action()) {
            case SUBSCRIBE: {
                String topic;
                try {
                    topic = Topics.of(c.topic(), c.commodities() == null || c.commodities().isEmpty() ? null
                            : c.commodities().get(0));
                } catch (IllegalArgumentException e) {
                    return new CommandOutcome(null, new Answer.Failed(lang, c.action(), "bad-topic"), false);
                }
                // Alerts go by SMS whichever channel asked for them (the hotline's menu 4, the web's
                // verified form, SUB by SMS): subscribing is consent to SMS.
                Subscriber s = base.withTopic(topic, Channel.SMS, now);
                if (s.lang() == null) s = s.inLang(lang, now);
                return new CommandOutcome(s, new Answer.Done(lang, Intent.SUBSCRIBE, topic, "subscribed"), false);
            }
            case UNSUBSCRIBE: {
                if (current != null && current.isStopped()) {
                    return new CommandOutcome(null,
                            new Answer.Done(lang, Intent.UNSUBSCRIBE, c.phone(), "already-stopped"), false);
                }
                return new CommandOutcome(base.stopped(now),
                        new Answer.Done(lang, Intent.UNSUBSCRIBE, c.phone(), "stopped"), true);
            }
            case REGISTER: {
                if (!RegionCode.isValid(c.regionCode())) {
                    return new CommandOutcome(null, new Answer.Failed(lang, c.action(), "bad-region"), false);
                }
                Subscriber s = base.registered(c.regionCode(), c.commodities(), c.channel(), now);
                return new CommandOutcome(s, new Answer.Done(lang, Intent.REGISTER, c.regionCode(), "registered"),
                        false);
            }
            case LANGUAGE: {
                Subscriber s = base.inLang(lang, now);
                return new CommandOutcome(s, new Answer.Done(lang, Intent.LANGUAGE, lang.code(), "language"), false);
            }
            default:
                return new CommandOutcome(null, new Answer.Failed(lang, c.action(), "not-a-subscriber-command"), false);
        }
    }

    private static String source(SubscriberCommand c) {
        return c.channel() == null ? "unknown" : c.channel().name().toLowerCase(java.util.Locale.ROOT);
    }
}
