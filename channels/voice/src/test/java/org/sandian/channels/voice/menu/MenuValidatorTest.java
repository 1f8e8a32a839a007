package org.sandian.channels.voice.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MenuValidatorTest {

    private static final VoiceMenu SHIPPED = MenuStore.shippedDefault();

    private static VoiceMenu with(List<MenuNode> nodes) {
        return new VoiceMenu("hotline", 9, "language", SHIPPED.prompts(), nodes);
    }

    private static List<MenuNode> nodes() {
        return new ArrayList<>(SHIPPED.nodes());
    }

    private static MenuNode replace(String id, Map<String, String> options) {
        MenuNode n = SHIPPED.node(id);
        return new MenuNode(n.id(), n.kind(), n.prompt(), options, n.next());
    }

    @Test
    void theShippedMenuIsValid() {
        assertEquals(List.of(), MenuValidator.problems(SHIPPED));
    }

    @Test
    void anUnreachableNodeIsNamed() {
        List<MenuNode> nodes = nodes();
        nodes.add(new MenuNode("orphan", "notices", SHIPPED.node("notices").prompt(), Map.of(), null));
        MenuException e = assertThrows(MenuException.class, () -> MenuValidator.check(with(nodes)));
        assertEquals(List.of("node orphan is unreachable from language"), e.problems());
        assertTrue(e.getMessage().contains("hotline v9"), e.getMessage());
    }

    @Test
    void aMissingPromptAndAMissingTranslationAreNamed() {
        List<MenuNode> nodes = nodes();
        MenuNode ask = SHIPPED.node("ask");
        nodes.set(nodes.indexOf(ask), new MenuNode("ask", "ask", null, Map.of(), null));
        MenuNode ops = SHIPPED.node("operator");
        nodes.set(nodes.indexOf(ops), new MenuNode("operator", "operator", new Prompt("sandian/operator", "人工", " "), Map.of(), null));
        Map<String, Prompt> prompts = new HashMap<>(SHIPPED.prompts());
        prompts.remove("goodbye");
        List<String> problems = MenuValidator.problems(new VoiceMenu("hotline", 9, "language", prompts, nodes));
        assertEquals(List.of("missing prompt goodbye", "node ask has no prompt", "node operator prompt has no en"), problems);
    }

    @Test
    void aLoopIsNamedAsAPath() {
        List<MenuNode> nodes = nodes();
        Map<String, String> options = new HashMap<>(SHIPPED.node("main").options());
        options.put("9", "more");
        nodes.set(nodes.indexOf(SHIPPED.node("main")), replace("main", options));
        nodes.add(new MenuNode("more", "menu", SHIPPED.node("main").prompt(), Map.of("1", "main"), null));
        List<String> problems = MenuValidator.problems(with(nodes));
        assertEquals(List.of("loop main -> more -> main (use # to go back instead)"), problems);
    }

    @Test
    void missingTargetsUnknownKindsAndReservedKeysAreNamed() {
        List<MenuNode> nodes = nodes();
        nodes.set(nodes.indexOf(SHIPPED.node("main")), replace("main", Map.of("1", "prices", "#", "guidance", "2", "nowhere")));
        nodes.add(new MenuNode("odd", "karaoke", SHIPPED.node("main").prompt(), Map.of(), null));
        List<String> problems = MenuValidator.problems(with(nodes));
        assertTrue(problems.contains("node main key 2 goes to missing node nowhere"), problems.toString());
        assertTrue(problems.contains("node main key '#' is not one digit (* and # are reserved)"), problems.toString());
        assertTrue(problems.contains("node odd has unknown kind karaoke"), problems.toString());
        assertTrue(problems.contains("node notices is unreachable from language"), problems.toString());
    }
}
