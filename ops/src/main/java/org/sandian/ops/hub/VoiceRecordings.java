package org.sandian.ops.hub;

import java.nio.file.Path;
import org.sandian.broadcast.core.Recordings;
import org.sandian.channels.voice.speech.BroadcastRecordings;

/**
 * Broadcasts' recorded messages kept by the voice channel (converted for Asterisk, in its sounds
 * directory): the broadcast module knows only {@link Recordings}, not the voice module.
 */
final class VoiceRecordings implements Recordings {

    private final BroadcastRecordings recordings;

    VoiceRecordings(BroadcastRecordings recordings) {
        this.recordings = recordings;
    }

    @Override
    public String store(Path upload) {
        return recordings.store(upload);
    }

    @Override
    public boolean isStored(String name) {
        return recordings.isStored(name);
    }
}
