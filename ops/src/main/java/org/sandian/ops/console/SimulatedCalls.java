package org.sandian.ops.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sandian.channels.voice.VoiceChannel;
import org.sandian.channels.voice.emulated.KeypadCall;
import org.sandian.content.bus.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone simulator's calls into this hub's hotline over its own FastAGI port: one per console
 * session, a few at once (each holds a hotline line and a thread), hung up when left idle, and
 * forgotten a while after they ended.
 */
final class SimulatedCalls {

    static final int MAX_LIVE = 10;
    static final Duration IDLE_LIMIT = Duration.ofMinutes(3);
    private static final long FORGET_AFTER_S = 15 * 60;
    private static final Logger log = LoggerFactory.getLogger(SimulatedCalls.class);

    private final VoiceChannel voice;
    private final Map<String, KeypadCall> bySession = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();
    private final String prefix = "console-" + Instant.now().getEpochSecond() + ".";

    SimulatedCalls(VoiceChannel voice) {
        this.voice = voice;
    }

    KeypadCall of(String session) {
        return session == null ? null : bySession.get(session);
    }

    /** A new call for {@code session} (its previous one hung up); null when {@link #MAX_LIVE} calls are going on. */
    synchronized KeypadCall dial(String session, String callerId) {
        prune();
        KeypadCall old = bySession.remove(session);
        if (old != null) old.hangUp();
        if (bySession.values().stream().filter(c -> !c.ended()).count() >= MAX_LIVE) return null;
        KeypadCall call = KeypadCall.dial(voice.agiAddress(), voice.agiPort(), callerId, prefix + numbers.incrementAndGet(),
                "zh", IDLE_LIMIT);
        log.info("phone simulator: call {} from {} by a console officer", call.uniqueId(), PhoneMask.mask(callerId));
        bySession.put(session, call);
        return call;
    }

    /** Drops calls that ended long ago (their transcript with them). Cheap: no I/O. */
    void prune() {
        bySession.entrySet().removeIf(e -> e.getValue().ended() && e.getValue().idleSeconds() > FORGET_AFTER_S);
    }
}
