package org.sandian.ops.console;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.sandian.broadcast.audience.AudienceSize;
import org.sandian.broadcast.core.SmsParts;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/**
 * Parts per language and the cost of an SMS broadcast, computed as the broadcast API's estimate
 * does: each reader gets his language's text, else the Chinese one, else any.
 */
final class SmsCost {

    private SmsCost() {
    }

    static JsonObject of(Map<Lang, String> texts, AudienceSize size, double pricePerPart) {
        JsonObject out = new JsonObject();
        long parts = 0;
        for (Lang lang : Lang.values()) {
            String text = textFor(texts, lang);
            int p = SmsParts.count(text);
            long readers = size == null ? 0 : size.byLang().getOrDefault(lang, 0L);
            parts += readers * p;
            out.put("parts" + cap(lang), p).put("chars" + cap(lang), text == null ? 0 : text.length())
                    .put("readers" + cap(lang), readers);
        }
        if (size != null) {
            out.put("people", size.people()).put("sms", size.byChannel().getOrDefault(Channel.SMS, 0L))
                    .put("voice", size.byChannel().getOrDefault(Channel.VOICE, 0L))
                    .put("smsParts", parts).put("cost", String.format("%.2f", parts * pricePerPart));
        }
        return out;
    }

    private static String textFor(Map<Lang, String> texts, Lang lang) {
        String t = texts.get(lang);
        if (t == null) t = texts.get(Lang.ZH);
        if (t == null && !texts.isEmpty()) t = texts.values().iterator().next();
        return t;
    }

    private static String cap(Lang lang) {
        return lang == Lang.ZH ? "Zh" : "En";
    }
}
