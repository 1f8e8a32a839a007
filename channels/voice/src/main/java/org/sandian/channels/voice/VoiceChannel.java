package org.sandian.channels.voice;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.asteriskjava.fastagi.AgiScript;
import org.sandian.channels.voice.agi.BroadcastScript;
import org.sandian.channels.voice.agi.CallGate;
import org.sandian.channels.voice.agi.FastAgiServer;
import org.sandian.channels.voice.agi.HotlineScript;
import org.sandian.channels.voice.agi.HubClient;
import org.sandian.channels.voice.menu.MenuStore;
import org.sandian.channels.voice.menu.VoiceMenu;
import org.sandian.channels.voice.outbound.OutboundDialer;
import org.sandian.channels.voice.outbound.VoiceCallOutcome;
import org.sandian.channels.voice.outbound.VoiceCallRequest;
import org.sandian.channels.voice.outbound.VoiceCaller;
import org.sandian.channels.voice.speech.AnswerScripts;
import org.sandian.channels.voice.speech.BroadcastRecordings;
import org.sandian.channels.voice.speech.EspeakSpeechRenderer;
import org.sandian.channels.voice.speech.SharedSounds;
import org.sandian.channels.voice.speech.SpeechRenderer;
import org.sandian.channels.voice.speech.SpeechWarmer;
import org.sandian.channels.voice.speech.VoiceTemplates;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice channel: the FastAGI server for Asterisk's {@code hotline} script, on its own threads
 * (never the event loop), and, when a manager connection is configured, outbound calls for
 * {@link VoiceCaller} running the {@code broadcast} script. Ready once the menu is loaded and validated and the port bound; ops logs
 * {@link #agiPort()} in its ready line and shows {@link #health()}.
 */
public final class VoiceChannel extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(VoiceChannel.class);
    /** Threads beyond the call limit, so that callers over it hear "busy" instead of silence. */
    static final int BUSY_THREADS = 20;
    static final long CONTENT_SETTLE_MS = 2_000;

    private final VoiceOptions options;
    private final MongoStore store;
    private final SpeechRenderer givenSpeech;
    private final AtomicReference<VoiceMenu> menu = new AtomicReference<>();
    private final CallGate gate;
    private final SharedSounds shared;
    private final BroadcastRecordings recordings;
    private volatile SpeechRenderer speech = SpeechRenderer.NONE;
    private volatile FastAgiServer server;
    private volatile OutboundDialer dialer;
    private volatile SpeechWarmer warmer;

    /** {@code store} may be null (shipped menu only); the speech renderer is espeak-ng + sox. */
    public VoiceChannel(VoiceOptions options, MongoStore store) {
        this(options, store, null);
    }

    /** With another {@link SpeechRenderer} (null: espeak-ng + sox, or none when {@code tts} is off). */
    public VoiceChannel(VoiceOptions options, MongoStore store, SpeechRenderer speech) {
        this.options = options;
        this.store = store;
        this.givenSpeech = speech;
        this.gate = new CallGate(options.maxCalls());
        this.shared = new SharedSounds(options.soundsDir(), store);
        this.recordings = new BroadcastRecordings(shared, options.soxCommand());
        // /metrics: calls in progress and calls refused as busy (the gauges read the gate itself)
        io.micrometer.core.instrument.Metrics.gauge("sandian.calls.active", gate, CallGate::active);
        io.micrometer.core.instrument.Metrics.gauge("sandian.calls.refused", gate, g -> (double) g.refused());
    }

    @Override
    public Future<?> start() {
        MessageTypes.register(vertx.eventBus());
        VoiceCaller.registerTypes(vertx);
        if (options.outboundEnabled()) {
            var published = RecordCodec.options(VoiceCallOutcome.class);
            dialer = new OutboundDialer(options, o -> vertx.eventBus().publish(VoiceAddresses.CALL_OUTCOME, o, published));
        }
        MenuStore menus = new MenuStore(store);
        return vertx.executeBlocking(() -> {
            menu.set(menus.load(options.menuName()));
            speech = givenSpeech != null ? givenSpeech
                    : options.tts() ? new EspeakSpeechRenderer(options.soundsDir(), options.espeakCommand(), options.soxCommand())
                    : SpeechRenderer.NONE;
            HubClient hub = new HubClient(vertx, options.answerTimeout());
            AnswerScripts scripts = new AnswerScripts(new VoiceTemplates());
            warmer = new SpeechWarmer(speech, scripts, hub);
            HotlineScript hotline = new HotlineScript(options, menu::get, speech, scripts, hub, gate, shared);
            BroadcastScript broadcast = new BroadcastScript(options, menu::get, speech, hub, dialer, recordings);
            Map<String, AgiScript> mapping = Map.of("hotline", hotline, "broadcast", broadcast);
            server = FastAgiServer.start(options.agiHost(), options.agiPort(), options.maxCalls() + BUSY_THREADS, mapping);
            return server;
        }, false).onSuccess(s -> {
            vertx.eventBus().consumer(VoiceAddresses.MENU_CHANGED, m -> reloadMenu(menus));
            // After the answer engine's snapshot has reloaded on the same event.
            vertx.eventBus().consumer(Addresses.CONTENT_CHANGED, m -> vertx.setTimer(CONTENT_SETTLE_MS, t -> warmPrices()));
            if (dialer != null) {
                dialer.start();
                vertx.eventBus().<VoiceCallRequest>consumer(VoiceAddresses.CALL, m -> {
                    try {
                        m.reply(dialer.place(m.body()));
                    } catch (RejectedExecutionException e) {
                        // Refused, not lost: the broadcast keeps the entry queued and offers it again.
                        m.fail(503, e.getMessage());
                    }
                });
            }
            warmPrompts();
            log.info("voice ready: agi port {} menu {} v{} tts {}", s.port(), menu.get().name(), menu.get().version(),
                    speech.available() && options.tts() ? "on" : "off");
        });
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (dialer != null) dialer.stop();
            if (server != null) server.stop();
            return null;
        }, false);
    }

    /** The FastAGI port actually bound (differs from the option when that was 0). */
    public int agiPort() {
        FastAgiServer s = server;
        return s == null ? -1 : s.port();
    }

    /** What a sound played on a call says: speech this hub rendered, or a static prompt of the menu in force. */
    public Optional<String> spokenText(String sound) {
        Optional<String> spoken = speech.textOf(sound);
        VoiceMenu m = menu.get();
        return spoken.isPresent() || m == null ? spoken : m.textOf(sound);
    }

    /** The name of the menu the hotline walks (its versions are in {@code MenuStore}). */
    public String menuName() {
        return options.menuName();
    }

    /** Officers' recorded broadcast messages, stored where Asterisk reads them and played by broadcast calls. */
    public BroadcastRecordings recordings() {
        return recordings;
    }

    /** Recordings every hub can play (broadcast messages, spoken questions), fetched into {@link #soundsDir}. */
    public SharedSounds sharedSounds() {
        return shared;
    }

    /** Where rendered speech and recorded questions are (Asterisk reads the same directory). */
    public Path soundsDir() {
        return options.soundsDir();
    }

    /** Whether outbound calls can be placed: a manager interface is configured (it may be down for a while). */
    public boolean placesCalls() {
        return options.outboundEnabled();
    }

    /** Whether calls can speak text (speech synthesis on and working), not only recorded prompts. */
    public boolean speaksText() {
        return options.tts() && speech.available();
    }

    /** The address to reach this hub's FastAGI server from the hub itself. */
    public String agiAddress() {
        String h = options.agiHost();
        return h == null || h.isBlank() || "0.0.0.0".equals(h) || "::".equals(h) ? "127.0.0.1" : h;
    }

    public VoiceHealth health() {
        VoiceMenu m = menu.get();
        return new VoiceHealth(agiPort(), gate.active(), gate.max(), gate.total(), gate.refused(),
                speaksText(), dialer != null && dialer.connected(),
                dialer == null ? 0 : dialer.active(), m == null ? 0 : m.version());
    }

    /** A new menu version replaces the current one only if it validates; else the old one stays. */
    private void reloadMenu(MenuStore menus) {
        vertx.executeBlocking(() -> menus.load(options.menuName()), false).onComplete(
                m -> {
                    menu.set(m);
                    warmPrompts();
                },
                e -> log.error("voice menu not reloaded, keeping version {}: {}", menu.get().version(), e.getMessage()));
    }

    /** Renders every static prompt, then the short menu's prices, in the background. */
    private void warmPrompts() {
        if (!options.tts() || !speech.available()) return;
        VoiceMenu m = menu.get();
        vertx.executeBlocking(() -> warmer.prompts(m) + warmer.prices(m), false)
                .onSuccess(n -> log.info("voice speech rendered: {} prompts and prices", n))
                .onFailure(e -> log.warn("voice speech not rendered in advance: {}", e.toString()));
    }

    /** Published content changed: the short menu's prices are spoken anew before callers ask. */
    private void warmPrices() {
        if (!options.tts() || !speech.available()) return;
        VoiceMenu m = menu.get();
        vertx.executeBlocking(() -> warmer.prices(m), false)
                .onSuccess(n -> log.info("voice prices rendered after a content change: {}", n))
                .onFailure(e -> log.warn("voice prices not rendered in advance: {}", e.toString()));
    }
}
