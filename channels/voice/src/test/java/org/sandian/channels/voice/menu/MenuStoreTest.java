package org.sandian.channels.voice.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

class MenuStoreTest {

    static MongoStore store;

    @BeforeAll
    static void open() {
        store = TestStore.open();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void firstLoadStoresTheShippedMenuThenAnOfficersVersionReplacesItAndABadOneIsRefused() {
        MenuStore menus = new MenuStore(store);
        VoiceMenu first = menus.load("hotline");
        assertEquals(1, first.version());
        assertEquals(1, store.database().getCollection(MenuStore.COLLECTION).countDocuments());

        String edited = MenuStore.defaultJson().replace("稻谷请按一，玉米请按二", "玉米请按一，稻谷请按二");
        VoiceMenu saved = menus.save(edited);
        assertEquals(2, saved.version());
        VoiceMenu loaded = menus.load("hotline");
        assertEquals(2, loaded.version());
        assertTrue(loaded.node("prices").prompt().zh().startsWith("玉米请按一"));

        String broken = MenuStore.defaultJson().replace("\"5\": \"ask\"", "\"5\": \"nowhere\"");
        MenuException e = assertThrows(MenuException.class, () -> menus.save(broken));
        assertTrue(e.problems().contains("node main key 5 goes to missing node nowhere"), e.problems().toString());
        assertEquals(2, menus.load("hotline").version(), "a refused menu is never stored");
    }

    @Test
    void versionsAreListedNewestFirstWithWhoSavedThemAndEachReadsBackAsJson() {
        try (MongoStore own = TestStore.open()) {
            MenuStore menus = new MenuStore(own);
            menus.load("hotline");
            java.time.Instant at = java.time.Instant.parse("2026-03-01T02:00:00Z");
            menus.save(MenuStore.defaultJson().replace("查价格请按一", "查询价格请按一"), "li-editor", at);
            var versions = menus.versions("hotline", 10);
            assertEquals(java.util.List.of(new MenuStore.Version(2, "li-editor", at), new MenuStore.Version(1, null, null)), versions);
            assertTrue(menus.json("hotline", null).contains("查询价格请按一"), "the newest");
            assertTrue(menus.json("hotline", 1).contains("查价格请按一"));
            assertEquals(2, MenuStore.parse(menus.json("hotline", null)).version());
            assertEquals(null, menus.json("hotline", 9));
        }
    }
}
