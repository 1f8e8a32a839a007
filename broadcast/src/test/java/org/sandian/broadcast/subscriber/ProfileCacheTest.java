package org.sandian.broadcast.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.model.Lang;

/** The race of an unordered profile read against a command (SubscriberDirectory), played in order. */
class ProfileCacheTest {

    private static final String PHONE = "+8613800138000";

    @Test
    void aReadThatStartedBeforeAChangeNeverPutsTheOldProfileBack() {
        ProfileCache cache = new ProfileCache(100);
        FarmerProfile old = new FarmerProfile(PHONE, Lang.ZH, "429005100201", List.of(), false);
        FarmerProfile stopped = new FarmerProfile(PHONE, Lang.ZH, "429005100201", List.of(), true);
        long ticket = cache.ticket();     // a miss starts reading the store: it will find the old profile
        cache.put(PHONE, stopped);        // meanwhile TD is applied and its profile cached
        assertFalse(cache.putRead(PHONE, old, ticket), "the older read is dropped");
        assertTrue(cache.get(PHONE).orElseThrow().stopped());
    }

    @Test
    void aReadWithNoChangeMeanwhileIsCached() {
        ProfileCache cache = new ProfileCache(100);
        FarmerProfile p = new FarmerProfile(PHONE, Lang.EN, null, List.of("maize"), false);
        assertTrue(cache.putRead(PHONE, p, cache.ticket()));
        assertEquals(p, cache.get(PHONE).orElseThrow());
        long ticket = cache.ticket();
        cache.invalidate(PHONE);          // changed on another node
        assertFalse(cache.putRead(PHONE, p, ticket));
    }
}
