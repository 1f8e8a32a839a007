package org.sandian.channels.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.sandian.channels.voice.menu.MenuStore;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** Officers edit the menu without a redeploy: a stored new version is taken at once, a broken one never. */
class MenuReloadTest {

    @Test
    void aNewMenuVersionIsTakenWithoutRestartAndABrokenOneLeavesTheCurrentInForce() throws Exception {
        HubFixture hub = HubFixture.shared();
        try (MongoStore own = TestStore.open()) {
            VoiceOptions options = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0);
            VoiceChannel voice = new VoiceChannel(options, own, new TranscriptSpeech());
            String deployment = hub.vertx.deployVerticle(voice).await(30, TimeUnit.SECONDS);
            try {
                assertEquals(1, voice.health().menuVersion());
                String edited = new String(MenuStore.class.getResourceAsStream(MenuStore.DEFAULT_RESOURCE).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("查价格请按一，", "查询价格请按一，");
                assertEquals(2, new MenuStore(own).save(edited).version());
                hub.vertx.eventBus().publish(VoiceAddresses.MENU_CHANGED, null);
                OutboundCallTest.waitFor(() -> voice.health().menuVersion() == 2, "menu version 2");
                try (FakeAsterisk agi = FakeAsterisk.call(voice.agiPort(), "hotline", "+8613800005555", "5.1", "zh")) {
                    agi.heard();
                    agi.heard();
                    agi.waitDigit(HotlineCallTest.WAIT, '1');
                    assertEquals("查询价格请按一，", TranscriptSpeech.text(agi.heard()).substring(0, 8));
                    agi.hangUp();
                }

                // A hand-made version 3 whose main menu points nowhere: refused on reload, version 2 stays.
                Document broken = Document.parse(edited.replace("\"5\": \"ask\"", "\"5\": \"nowhere\"")).append("version", 3);
                own.database().getCollection(MenuStore.COLLECTION)
                        .insertOne(new Document("_id", "hotline:3").append("name", "hotline").append("version", 3).append("menu", broken));
                hub.vertx.eventBus().publish(VoiceAddresses.MENU_CHANGED, null);
                Thread.sleep(500);
                assertEquals(2, voice.health().menuVersion());
            } finally {
                hub.vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
            }
        }
    }
}
