package org.sandian.broadcast.core;

import java.nio.file.Path;

/**
 * Where officers' recorded voice messages are kept: the voice channel's store, which ops hands to
 * the engine (broadcast does not depend on the voice module). A broadcast names a recording only
 * once it is stored here, never any other sound. Blocking.
 */
public interface Recordings {

    /** A hub without a voice channel: nothing can be attached. */
    Recordings NONE = new Recordings() {
        @Override
        public String store(Path upload) {
            throw new IllegalArgumentException("this hub has no voice channel: recordings cannot be attached"
                    + " / 本系统未启用语音，不能附加录音");
        }

        @Override
        public boolean isStored(String name) {
            return false;
        }
    };

    /**
     * Checks and keeps an uploaded sound file; the name a draft gives it. Throws
     * {@link IllegalArgumentException} with a message for the officer when the file is refused.
     */
    String store(Path upload);

    /** Whether {@code name} is a recording {@link #store} kept. */
    boolean isStored(String name);
}
