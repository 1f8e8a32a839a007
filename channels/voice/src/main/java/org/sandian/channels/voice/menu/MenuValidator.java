package org.sandian.channels.voice.menu;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a menu before any caller hears it: every node known and reachable, every prompt complete,
 * every key a digit, and no loop (going back is the caller's # key, never an edge of the menu).
 */
public final class MenuValidator {

    private MenuValidator() {
    }

    /** The menu itself when valid; else a {@link MenuException} naming every problem. */
    public static VoiceMenu check(VoiceMenu menu) {
        List<String> problems = problems(menu);
        if (!problems.isEmpty()) throw new MenuException(menu.name() + " v" + menu.version(), problems);
        return menu;
    }

    public static List<String> problems(VoiceMenu menu) {
        List<String> out = new ArrayList<>();
        Map<String, MenuNode> nodes = menu.byId();
        Set<String> seen = new HashSet<>();
        for (MenuNode n : menu.nodes()) {
            if (n.id() == null || n.id().isBlank()) out.add("a node has no id");
            else if (!seen.add(n.id())) out.add("node " + n.id() + " is defined twice");
        }
        for (String key : VoiceMenu.REQUIRED_PROMPTS) {
            Prompt p = menu.prompts().get(key);
            if (p == null) out.add("missing prompt " + key);
            else if (!p.missing().isEmpty()) out.add("prompt " + key + " has no " + p.missing());
        }
        if (menu.start() == null || !nodes.containsKey(menu.start())) out.add("start node " + menu.start() + " does not exist");
        for (MenuNode n : nodes.values()) checkNode(n, nodes, out);
        if (nodes.containsKey(menu.start())) {
            Set<String> reached = reachable(menu.start(), nodes);
            for (String id : nodes.keySet()) if (!reached.contains(id)) out.add("node " + id + " is unreachable from " + menu.start());
            loops(menu.start(), nodes, out);
        }
        return out;
    }

    private static void checkNode(MenuNode n, Map<String, MenuNode> nodes, List<String> out) {
        NodeKind kind = n.nodeKind();
        if (kind == null) {
            out.add("node " + n.id() + " has unknown kind " + n.kind());
            return;
        }
        if (n.prompt() == null) out.add("node " + n.id() + " has no prompt");
        else if (!n.prompt().missing().isEmpty()) out.add("node " + n.id() + " prompt has no " + n.prompt().missing());
        for (Map.Entry<String, String> o : n.options().entrySet()) {
            if (!o.getKey().matches("[0-9]")) out.add("node " + n.id() + " key '" + o.getKey() + "' is not one digit (* and # are reserved)");
            if (kind.optionsAreNodes() && !nodes.containsKey(o.getValue())) {
                out.add("node " + n.id() + " key " + o.getKey() + " goes to missing node " + o.getValue());
            }
        }
        boolean needsOptions = kind == NodeKind.MENU || kind == NodeKind.LANGUAGE || kind == NodeKind.TOPICS
                || kind == NodeKind.GUIDANCE;
        if (needsOptions && n.options().isEmpty()) out.add("node " + n.id() + " has no options");
        if (kind.hasNext()) {
            if (n.next() == null || !nodes.containsKey(n.next())) out.add("node " + n.id() + " goes next to missing node " + n.next());
            else if (kind == NodeKind.GUIDANCE && nodes.get(n.next()).nodeKind() != NodeKind.TOPICS) {
                out.add("node " + n.id() + " must go next to a topics node, not " + n.next());
            }
        }
    }

    static List<String> edges(MenuNode n, Map<String, MenuNode> nodes) {
        List<String> out = new ArrayList<>();
        NodeKind kind = n.nodeKind();
        if (kind == null) return out;
        if (kind.optionsAreNodes()) n.options().values().stream().filter(nodes::containsKey).sorted().forEach(out::add);
        if (kind.hasNext() && nodes.containsKey(n.next())) out.add(n.next());
        return out;
    }

    private static Set<String> reachable(String start, Map<String, MenuNode> nodes) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) todo.addAll(edges(nodes.get(id), nodes));
        }
        return reached;
    }

    /** Depth-first search; a node met again on the current path closes a loop, reported as a path. */
    private static void loops(String start, Map<String, MenuNode> nodes, List<String> out) {
        visit(start, nodes, new LinkedHashSet<>(), new HashSet<>(), out);
    }

    private static void visit(String id, Map<String, MenuNode> nodes, LinkedHashSet<String> path, Set<String> done,
                              List<String> out) {
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String p : path) {
                if (p.equals(id)) in = true;
                if (in) cycle.add(p);
            }
            cycle.add(id);
            out.add("loop " + String.join(" -> ", cycle) + " (use # to go back instead)");
            return;
        }
        if (!done.add(id)) return;
        path.add(id);
        for (String next : edges(nodes.get(id), nodes)) visit(next, nodes, path, done, out);
        path.remove(id);
    }
}
