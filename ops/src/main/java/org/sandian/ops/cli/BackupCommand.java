package org.sandian.ops.cli;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.sandian.ops.backup.Backup;
import org.sandian.ops.backup.BackupException;
import org.sandian.ops.backup.Manifest;
import org.sandian.ops.backup.StoreConnection;
import org.sandian.ops.config.ConfigException;
import org.sandian.ops.config.HubConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sandian backup <dir>}: every collection as JSON lines plus a manifest, while the hub runs. Exit 0, 1 or 2. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write every collection of the hub's store to DIR (JSON lines and manifest.json).",
                "Works while the hub runs, on the embedded store (through data-dir/store.uri) and on an external MongoDB."})
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    HubOptions options;

    @Parameters(index = "0", paramLabel = "DIR", description = "A new or empty folder.")
    Path dir;

    @Option(names = "--per-collection",
            description = "Do not use a snapshot session even where the store has one (reads each collection in _id order).")
    boolean perCollection;

    @Override
    public Integer call() {
        HubConfig config;
        try {
            config = options.load();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try (StoreConnection store = StoreConnection.open(config.store(), true)) {
            ClientSession session = perCollection ? null : Backup.snapshotSession(store.client(), store.database());
            try {
                Manifest m = Backup.write(store.database(), session, dir, store.description(), Clock.systemUTC());
                System.out.println("backup written to " + dir.toAbsolutePath() + ": " + m.collections().size()
                        + " collections, " + m.totalDocuments() + " documents, " + m.consistency() + ", from "
                        + m.source());
                return 0;
            } finally {
                if (session != null) session.close();
            }
        } catch (BackupException e) {
            System.err.println("backup refused: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException | MongoException e) {
            System.err.println("backup failed: " + e.getMessage() + ". " + dir
                    + " has no " + Manifest.FILE + " and is not a usable backup: delete it and try again."
                    + " (SnapshotTooOld: the backup outlasted the server's snapshot history; use --per-collection"
                    + " or raise minSnapshotHistoryWindowInSeconds.)");
            return 1;
        }
    }
}
