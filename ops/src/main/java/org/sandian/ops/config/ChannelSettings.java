package org.sandian.ops.config;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.core.BroadcastOptions;
import org.sandian.broadcast.outbox.EngineOptions;
import org.sandian.broadcast.outbox.SenderOptions;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.dialogue.DialogueOptions;
import org.sandian.channels.tv.TvOptions;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.channels.web.WebOptions;
import org.sandian.content.answer.Channel;

/** Reads each channel's section of the configuration into that channel's own options. */
public final class ChannelSettings {

    private final HubConfig config;
    private final ConfigReader r;

    public ChannelSettings(HubConfig config) {
        this.config = config;
        this.r = config.reader();
    }

    /** The configured SMSC, or the channel off when {@code smpp.host} is empty. */
    public SmsOptions sms() {
        String host = r.optional("smpp.host");
        if (host == null) return SmsOptions.disabled();
        return sms(host, r.port("smpp.port"), r.string("smpp.system-id"), r.string("smpp.password"));
    }

    /** Another SMSC (the demo's simulator) with every other SMS setting from the configuration. */
    public SmsOptions sms(String host, int port, String systemId, String password) {
        return SmsOptions.of(host, port, systemId, password)
                .toBuilder()
                .systemType(r.string("smpp.system-type"))
                .bindType(r.oneOf("smpp.bind-type", SmsOptions.BindType.class))
                .binds(r.integer("smpp.binds", 1, 32))
                .failover(r.optional("smpp.failover-host"), r.port("smpp.failover-port"))
                .source(r.string("smpp.source-address"))
                .window(r.integer("smpp.window", 1, 1000))
                .tps(r.integer("smpp.tps", 1, 100_000))
                .maxParts(r.integer("smpp.max-parts", 1, 10))
                .enquireLink(Duration.ofSeconds(r.integer("smpp.enquire-link-seconds", 5, 3600)))
                .pduThreads(r.integer("smpp.pdu-threads", 1, 256))
                .receiptsGrace(Duration.ofSeconds(r.integer("smpp.receipts-grace-seconds", 0, 3600)))
                .build();
    }

    public DialogueOptions dialogue() {
        String source = r.string("smpp.source-address");
        return DialogueOptions.defaults(Set.of(source, "+86" + source, "86" + source))
                .withReplyLimit(r.integer("smpp.replies-per-minute", 1, 1000), Duration.ofMinutes(1), Duration.ofMinutes(30))
                // a page never needs more parts than the channel may send
                .withPageParts(Math.min(2, r.integer("smpp.max-parts", 1, 10)))
                .withZone(config.zone(), config.lang());
    }

    public VoiceOptions voice() {
        String sounds = r.optional("agi.sounds-dir");
        Path soundsDir = sounds != null ? Path.of(sounds) : config.dataDir().resolve("sounds");
        VoiceOptions v = VoiceOptions.defaults(soundsDir)
                .withAgi("0.0.0.0", r.port("agi.port"))
                .withMaxCalls(r.integer("agi.max-calls", 1, 500))
                .withTts(r.bool("agi.tts"))
                .withSpeechCommands(r.string("agi.espeak"), r.string("agi.sox"))
                .withDial(r.string("ami.dial-pattern"), r.string("ami.broadcast-context"))
                .withOutbound(r.integer("ami.concurrent-calls", 1, 500), r.integer("ami.retries", 0, 10),
                        Duration.ofMinutes(r.integer("ami.retry-minutes", 1, 24 * 60)),
                        Duration.ofSeconds(r.integer("ami.ring-seconds", 5, 300)));
        String amiHost = r.optional("ami.host");
        return amiHost == null ? v : v.withManager(amiHost, r.port("ami.port"), r.string("ami.user"), r.string("ami.secret"));
    }

    public WebOptions web() {
        return new WebOptions(config.zone(), config.lang(), secret("web.csrf-secret"), List.of(), Duration.ofMinutes(10), 5, 20);
    }

    public TvOptions tv() {
        return new TvOptions(config.zone(), config.lang(), 15, r.string("web.public-url"), List.of());
    }

    /** Broadcast rules and sending rates, in the hub's time zone. */
    public EngineOptions broadcast() {
        int smsPerSecond = r.integer("broadcast.sms-per-second", 0, 100_000);
        if (smsPerSecond == 0) smsPerSecond = r.integer("smpp.tps", 1, 100_000) * r.integer("smpp.binds", 1, 32);
        BroadcastOptions rules = new BroadcastOptions(config.zone(), r.bool("broadcast.require-approval"),
                r.decimal("broadcast.price-per-part", 0, 100), r.integer("smpp.max-parts", 1, 10));
        SenderOptions sending = new SenderOptions(r.integer("broadcast.workers", 1, 64), 200, 30_000,
                Map.of(Channel.SMS, (double) smsPerSecond,
                        Channel.VOICE, (double) r.integer("broadcast.calls-per-second", 1, 1000)),
                config.zone());
        return new EngineOptions(rules, sending, 1_000);
    }

    /** A configured secret, or a random one for this run. */
    public String secret(String key) {
        String configured = r.optional(key);
        if (configured != null) {
            if (configured.length() < 16) throw new ConfigException("bad configuration: " + key + " (env "
                    + ConfigReader.envName(key) + ") must be at least 16 characters");
            return configured;
        }
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
