package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void writersWaitingTogetherShareCommitsAndEveryChangeIsInTheFile() throws Exception {
        String file = dir.resolve("group.mv.db").toString();
        int writers = 8;
        int each = 300;
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        GroupCommit commits = new GroupCommit(store);
        MVMap<String, Integer> map = store.openMap("m");
        long before = store.getCurrentVersion();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    map.put(writer + ":" + i, i);
                    commits.awaitDurable();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) t.join();
        long commitsMade = store.getCurrentVersion() - before;
        assertFalse(store.hasUnsavedChanges(), "nothing left uncommitted");
        assertTrue(commitsMade > 0 && commitsMade < writers * each,
                commitsMade + " commits for " + writers * each + " writes");
        store.closeImmediately(); // like a kill: only what was committed is in the file

        MVStore again = new MVStore.Builder().fileName(file).open();
        assertEquals(writers * each, again.<String, Integer>openMap("m").size());
        again.close();
    }
}
