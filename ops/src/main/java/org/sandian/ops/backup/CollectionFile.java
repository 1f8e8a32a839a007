package org.sandian.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A collection's file in a backup: its name, and its SHA-256 and line count read back. */
final class CollectionFile {

    private CollectionFile() {
    }

    /** {@code prices.jsonl}; names with other characters are percent-encoded to stay one plain file name. */
    static String fileName(String collection) {
        String safe = collection.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*") ? collection
                : URLEncoder.encode(collection, StandardCharsets.UTF_8).replace("*", "%2A").replaceFirst("^\\.", "%2E");
        return safe + ".jsonl";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The file's checksum and number of lines, in one pass. */
    record Summary(String sha256, long lines) {
    }

    static Summary summarize(Path file) throws IOException {
        MessageDigest digest = sha256();
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') lines++;
                }
            }
        }
        return new Summary(hex(digest), lines);
    }
}
