package org.sandian.channels.voice.menu;

import java.util.Map;

/**
 * One node of the hotline menu.
 *
 * @param options key (one digit) -> what it picks, after {@link NodeKind}
 * @param next    the node that follows, for kinds that have one
 */
public record MenuNode(String id, String kind, Prompt prompt, Map<String, String> options, String next) {

    public MenuNode {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public NodeKind nodeKind() {
        return NodeKind.parse(kind);
    }
}
