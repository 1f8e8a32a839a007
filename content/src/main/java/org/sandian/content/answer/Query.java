package org.sandian.content.answer;

import org.sandian.content.model.Lang;

/**
 * A farmer's question, already freed of its channel's syntax.
 *
 * @param intent  what is asked
 * @param terms   the words after the keyword, unparsed ("玉米 武汉", "maize wuhan", "玉米武汉"):
 *                the engine resolves commodities and places so that every channel matches alike
 * @param lang    the language the farmer wrote in, or null when his words do not tell (TD, ?, digits):
 *                the answer service then uses his profile's language, else the hub's default
 * @param channel where the query came in
 * @param sender  the farmer's phone number in E.164, or null (anonymous web visitor)
 * @param region  a 12-digit region code the channel already knows (web cookie), or null
 * @param page    1-based page of a long list
 */
public record Query(Intent intent, String terms, Lang lang, Channel channel, String sender, String region, int page) {

    public Query {
        terms = terms == null ? "" : terms.strip();
        if (intent == null) throw new IllegalArgumentException("intent is required");
        if (page < 1) page = 1;
    }

    public static Query of(Intent intent, String terms, Lang lang, Channel channel) {
        return new Query(intent, terms, lang, channel, null, null, 1);
    }

    public Query from(String sender) {
        return new Query(intent, terms, lang, channel, sender, region, page);
    }

    public Query inRegion(String regionCode) {
        return new Query(intent, terms, lang, channel, sender, regionCode, page);
    }

    public Query inLang(Lang l) {
        return new Query(intent, terms, l, channel, sender, region, page);
    }

    public Query page(int p) {
        return new Query(intent, terms, lang, channel, sender, region, p);
    }
}
