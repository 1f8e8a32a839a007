package org.sandian.ops.console;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WAV files of the sounds directory (rendered speech, recorded prompts and questions), named as
 * Asterisk names them (no extension), and their one way to the officer's browser ({@link #send}). Only regular files inside that directory, after following
 * links, are ever handed out: no "..", no absolute names, no way out through a symbolic link.
 */
final class SoundFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_./-]{0,199}");

    private final Path dir;

    SoundFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The name to serve {@code sound} under (relative to the directory), or null when it lies elsewhere. */
    String nameOf(String sound) {
        if (sound == null || sound.isBlank()) return null;
        Path p = Path.of(sound).normalize();
        if (p.isAbsolute()) return p.startsWith(dir) ? dir.relativize(p).toString() : null;
        return NAME.matcher(sound).matches() && !sound.contains("..") ? sound : null;
    }

    /** The WAV file for {@code name}, if it is one inside the directory. Blocking (file system). */
    Optional<Path> wav(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) return Optional.empty();
        try {
            Path root = dir.toRealPath();
            Path file = root.resolve(name + ".wav").normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) return Optional.empty();
            Path real = file.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The WAV file to the browser, or 404 with {@code missing} (a file found by {@link #wav} off the event loop). */
    static void send(RoutingContext ctx, Optional<Path> file, String missing) {
        if (file.isEmpty()) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end(missing);
            return;
        }
        ctx.response().putHeader("Content-Type", "audio/wav").putHeader("Cache-Control", "private, max-age=3600")
                .sendFile(file.get().toString());
    }
}
