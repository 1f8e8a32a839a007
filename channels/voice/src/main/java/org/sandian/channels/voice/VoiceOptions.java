package org.sandian.channels.voice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the voice channel is configured with; ops builds it from the hub's config.
 *
 * @param agiHost             address the FastAGI server binds to
 * @param agiPort             FastAGI port (4573 by convention); 0 picks a free port (tests, bench)
 * @param maxCalls            concurrent hotline calls; one more caller hears "busy" and is hung up
 * @param soundsDir           where rendered speech and recorded questions go; Asterisk must read it
 * @param tts                 speak dynamic text with the {@code SpeechRenderer}; off = recorded prompts only
 * @param espeakCommand       the espeak-ng binary
 * @param soxCommand          the sox binary
 * @param operatorVariable    channel variable set to "operator" when the caller asks for one
 * @param digitTimeout        how long to wait for a key after a prompt has played
 * @param interDigitTimeout   how long to wait for the next digit of a typed commodity code
 * @param maxRepeats          how often a prompt is repeated after no input or a wrong key
 * @param answerTimeout       how long a call waits for the answer engine
 * @param menuName            the menu document to load from {@code voice_menus}
 * @param amiHost             Asterisk manager host, or null for no outbound calls
 * @param amiPort             Asterisk manager port (5038)
 * @param amiUser             manager user
 * @param amiSecret           manager secret
 * @param dialPattern         Originate channel for a callee, {@code %s} is the number ("PJSIP/%s@carrier")
 * @param broadcastContext    dialplan context the answered outbound leg enters (extension s): it runs
 *                            AGI(agi://hub:4573/broadcast). Originate straight into AGI would need the
 *                            manager user's "system" privilege; a context does not.
 * @param outboundConcurrency outbound calls in progress at once
 * @param outboundRetries     further attempts after a no-answer, busy or failed call
 * @param retryInterval       pause between the end of a failed call and the next attempt
 * @param ringTimeout         how long an outbound call rings before it counts as no answer
 */
public record VoiceOptions(
        String agiHost, int agiPort, int maxCalls, Path soundsDir, boolean tts,
        String espeakCommand, String soxCommand, String operatorVariable,
        Duration digitTimeout, Duration interDigitTimeout, int maxRepeats, Duration answerTimeout, String menuName,
        String amiHost, int amiPort, String amiUser, String amiSecret,
        String dialPattern, String broadcastContext, int outboundConcurrency, int outboundRetries,
        Duration retryInterval, Duration ringTimeout) {

    /** Channel variables the outbound leg carries: Asterisk's caller id there is not the callee. */
    public static final List<String> OUTBOUND_VARIABLES = List.of("SANDIAN_CALL_ID", "SANDIAN_CALLEE", "SANDIAN_BROADCAST");

    public VoiceOptions {
        if (maxCalls < 1) throw new IllegalArgumentException("maxCalls must be at least 1");
        if (outboundConcurrency < 1) throw new IllegalArgumentException("outboundConcurrency must be at least 1");
        if (soundsDir == null) throw new IllegalArgumentException("soundsDir is required");
    }

    /** Sensible defaults: port 4573, 200 calls, TTS on, no manager connection. */
    public static VoiceOptions defaults(Path soundsDir) {
        return new VoiceOptions("0.0.0.0", 4573, 200, soundsDir, true, "espeak-ng", "sox", "SANDIAN_NEXT",
                Duration.ofSeconds(5), Duration.ofMillis(1500), 3, Duration.ofSeconds(5), "hotline",
                null, 5038, "sandian", null, "PJSIP/%s@carrier", "sandian-broadcast", 10, 2,
                Duration.ofMinutes(30), Duration.ofSeconds(30));
    }

    public VoiceOptions withAgi(String host, int port) {
        return new VoiceOptions(host, port, maxCalls, soundsDir, tts, espeakCommand, soxCommand, operatorVariable,
                digitTimeout, interDigitTimeout, maxRepeats, answerTimeout, menuName, amiHost, amiPort, amiUser,
                amiSecret, dialPattern, broadcastContext, outboundConcurrency, outboundRetries, retryInterval, ringTimeout);
    }

    public VoiceOptions withMaxCalls(int max) {
        return new VoiceOptions(agiHost, agiPort, max, soundsDir, tts, espeakCommand, soxCommand, operatorVariable,
                digitTimeout, interDigitTimeout, maxRepeats, answerTimeout, menuName, amiHost, amiPort, amiUser,
                amiSecret, dialPattern, broadcastContext, outboundConcurrency, outboundRetries, retryInterval, ringTimeout);
    }

    public VoiceOptions withTts(boolean on) {
        return new VoiceOptions(agiHost, agiPort, maxCalls, soundsDir, on, espeakCommand, soxCommand, operatorVariable,
                digitTimeout, interDigitTimeout, maxRepeats, answerTimeout, menuName, amiHost, amiPort, amiUser,
                amiSecret, dialPattern, broadcastContext, outboundConcurrency, outboundRetries, retryInterval, ringTimeout);
    }

    public VoiceOptions withManager(String host, int port, String user, String secret) {
        return new VoiceOptions(agiHost, agiPort, maxCalls, soundsDir, tts, espeakCommand, soxCommand, operatorVariable,
                digitTimeout, interDigitTimeout, maxRepeats, answerTimeout, menuName, host, port, user,
                secret, dialPattern, broadcastContext, outboundConcurrency, outboundRetries, retryInterval, ringTimeout);
    }

    public VoiceOptions withOutbound(int concurrency, int retries, Duration interval, Duration ring) {
        return new VoiceOptions(agiHost, agiPort, maxCalls, soundsDir, tts, espeakCommand, soxCommand, operatorVariable,
                digitTimeout, interDigitTimeout, maxRepeats, answerTimeout, menuName, amiHost, amiPort, amiUser,
                amiSecret, dialPattern, broadcastContext, concurrency, retries, interval, ring);
    }

    /** How outbound calls are dialled ("PJSIP/%s@carrier") and the context their answered leg enters. */
    public VoiceOptions withDial(String pattern, String context) {
        return new VoiceOptions(agiHost, agiPort, maxCalls, soundsDir, tts, espeakCommand, soxCommand, operatorVariable,
                digitTimeout, interDigitTimeout, maxRepeats, answerTimeout, menuName, amiHost, amiPort, amiUser,
                amiSecret, pattern, context, outboundConcurrency, outboundRetries, retryInterval, ringTimeout);
    }

    /** Where speech is synthesised: the espeak-ng and sox binaries. */
    public VoiceOptions withSpeechCommands(String espeak, String sox) {
        return new VoiceOptions(agiHost, agiPort, maxCalls, soundsDir, tts, espeak, sox, operatorVariable,
                digitTimeout, interDigitTimeout, maxRepeats, answerTimeout, menuName, amiHost, amiPort, amiUser,
                amiSecret, dialPattern, broadcastContext, outboundConcurrency, outboundRetries, retryInterval, ringTimeout);
    }

    public boolean outboundEnabled() {
        return amiHost != null && !amiHost.isBlank();
    }
}
