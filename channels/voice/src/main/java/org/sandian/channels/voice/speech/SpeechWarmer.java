package org.sandian.channels.voice.speech;

import org.sandian.channels.voice.agi.HubClient;
import org.sandian.channels.voice.menu.MenuNode;
import org.sandian.channels.voice.menu.NodeKind;
import org.sandian.channels.voice.menu.Prompt;
import org.sandian.channels.voice.menu.VoiceMenu;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.model.Lang;

/**
 * Renders speech before callers need it: every static prompt, and the prices of the short-menu
 * commodities as soon as content is published, so the first caller after a price report does not
 * wait for the synthesiser. Blocking: run on a worker.
 */
public final class SpeechWarmer {

    private final SpeechRenderer speech;
    private final AnswerScripts scripts;
    private final HubClient hub;

    public SpeechWarmer(SpeechRenderer speech, AnswerScripts scripts, HubClient hub) {
        this.speech = speech;
        this.scripts = scripts;
        this.hub = hub;
    }

    /** Renders every prompt of the menu in both languages; returns how many are ready. */
    public int prompts(VoiceMenu menu) {
        int n = 0;
        for (Lang lang : Lang.values()) {
            for (Prompt p : menu.prompts().values()) if (speech.render(p.text(lang), lang).isPresent()) n++;
            for (MenuNode node : menu.nodes()) if (speech.render(node.prompt().text(lang), lang).isPresent()) n++;
        }
        return n;
    }

    /** Renders the current prices of every commodity on a prices or subscribe menu; returns how many. */
    public int prices(VoiceMenu menu) {
        int n = 0;
        for (MenuNode node : menu.nodes()) {
            if (node.nodeKind() != NodeKind.PRICES) continue;
            for (String code : node.options().values()) {
                for (Lang lang : Lang.values()) {
                    Answer a = hub.answer(Query.of(Intent.PRICE, code, lang, Channel.VOICE));
                    if (!(a instanceof Answer.Prices)) continue;
                    for (Part p : SpokenScript.parse(scripts.script(a, lang), lang, true)) {
                        if (p instanceof Part.Speech s && speech.render(s.text(), s.lang()).isPresent()) n++;
                    }
                }
            }
        }
        return n;
    }
}
