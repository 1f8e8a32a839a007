package org.sandian.channels.voice.menu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sandian.content.model.Lang;

/**
 * The hotline menu as data: officers change it without a redeploy (collection {@code voice_menus},
 * one document per version). {@code prompts} holds the shared prompts ({@link #REQUIRED_PROMPTS}).
 */
public record VoiceMenu(String name, int version, String start, Map<String, Prompt> prompts, List<MenuNode> nodes) {

    public static final List<String> REQUIRED_PROMPTS = List.of(
            "busy", "goodbye", "invalid", "afterAnswer", "noticeNext", "noMoreNotices", "confirmSubscribe",
            "welcome", "broadcastOptions", "subscribed");

    public VoiceMenu {
        prompts = prompts == null ? Map.of() : Map.copyOf(prompts);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    public Map<String, MenuNode> byId() {
        Map<String, MenuNode> out = new LinkedHashMap<>();
        for (MenuNode n : nodes) out.putIfAbsent(n.id(), n);
        return out;
    }

    public MenuNode node(String id) {
        for (MenuNode n : nodes) if (n.id().equals(id)) return n;
        throw new IllegalArgumentException("no menu node " + id);
    }

    /** The text of the static prompt recorded as {@code sound} (e.g. {@code sandian/main-zh}), if one is. */
    public Optional<String> textOf(String sound) {
        for (Lang lang : Lang.values()) {
            for (Prompt p : prompts.values()) if (p.sound(lang).equals(sound)) return Optional.ofNullable(p.text(lang));
            for (MenuNode n : nodes) {
                if (n.prompt() != null && n.prompt().sound(lang).equals(sound)) return Optional.ofNullable(n.prompt().text(lang));
            }
        }
        return Optional.empty();
    }

    public Prompt prompt(String key) {
        Prompt p = prompts.get(key);
        if (p == null) throw new IllegalArgumentException("no prompt " + key);
        return p;
    }
}
