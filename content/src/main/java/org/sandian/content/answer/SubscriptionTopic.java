package org.sandian.content.answer;

import java.util.Map;
import org.sandian.content.names.TextNormalizer;

/** What a subscription is to: the first word of "SUB PRICE MAIZE", "订阅 技术 水稻", "订阅 政策". */
enum SubscriptionTopic {
    PRICE("price"), GUIDANCE("guidance"), NOTICES("notices");

    private static final Map<String, SubscriptionTopic> WORDS = Map.ofEntries(
            Map.entry("price", PRICE), Map.entry("prices", PRICE), Map.entry("价格", PRICE), Map.entry("jg", PRICE),
            Map.entry("行情", PRICE),
            Map.entry("tip", GUIDANCE), Map.entry("tips", GUIDANCE), Map.entry("guidance", GUIDANCE),
            Map.entry("技术", GUIDANCE), Map.entry("js", GUIDANCE),
            Map.entry("news", NOTICES), Map.entry("notices", NOTICES), Map.entry("政策", NOTICES),
            Map.entry("通知", NOTICES), Map.entry("zc", NOTICES));

    final String key;

    SubscriptionTopic(String key) {
        this.key = key;
    }

    /** The topic named by {@code word}, or null when the word is something else (a commodity). */
    static SubscriptionTopic of(String word) {
        return WORDS.get(TextNormalizer.fold(word));
    }
}
