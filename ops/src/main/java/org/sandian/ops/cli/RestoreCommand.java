package org.sandian.ops.cli;

import com.mongodb.MongoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sandian.ops.backup.BackupException;
import org.sandian.ops.backup.Manifest;
import org.sandian.ops.backup.Restore;
import org.sandian.ops.backup.StoreConnection;
import org.sandian.ops.config.ConfigException;
import org.sandian.ops.config.HubConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sandian restore <dir>}: a verified backup into an empty store, with the hub stopped.
 * A damaged or partial backup, or a store that holds data, is refused before anything is written.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup written by 'sandian backup' into the hub's store, which must be empty.",
                "Stop the hub first. The backup is checked (manifest, files, counts, SHA-256) before anything is written."})
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    HubOptions options;

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by 'sandian backup'.")
    Path dir;

    @Option(names = "--force-wipe", description = "Drop every collection of the store first (after the backup is verified).")
    boolean forceWipe;

    @Override
    public Integer call() {
        HubConfig config;
        try {
            config = options.load();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            Manifest manifest = Restore.verify(dir);
            try (StoreConnection store = StoreConnection.open(config.store(), false)) {
                if (store.isRunningHub()) {
                    throw new BackupException("a hub is running on this store (" + store.description()
                            + "): stop it, then restore. Nothing was restored.");
                }
                List<String> holding = Restore.nonEmptyCollections(store.database());
                if (!holding.isEmpty() && !forceWipe) {
                    throw new BackupException("the store is not empty (" + String.join(", ", holding)
                            + " hold documents): restore goes only into an empty store; add --force-wipe to drop"
                            + " everything in " + store.description() + " first. Nothing was restored.");
                }
                if (forceWipe) Restore.wipe(store.database());
                long n = Restore.write(store.database(), dir, manifest);
                System.out.println("restored " + n + " documents in " + manifest.collections().size()
                        + " collections from " + dir.toAbsolutePath() + " (backup of " + manifest.created()
                        + ", " + manifest.consistency() + ") into " + store.description());
                return 0;
            }
        } catch (BackupException e) {
            System.err.println("restore refused: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException | MongoException e) {
            System.err.println("restore failed: " + e.getMessage());
            return 1;
        }
    }
}
