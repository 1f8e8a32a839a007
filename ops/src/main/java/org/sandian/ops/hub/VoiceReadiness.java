package org.sandian.ops.hub;

import io.vertx.core.Future;
import org.sandian.channels.voice.VoiceChannel;
import org.sandian.channels.voice.VoiceHealth;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.ops.health.ComponentHealth;
import org.sandian.ops.health.HealthRegistry;

/**
 * The voice channel's two outside dependencies as /ready components of their own: "ami" (the
 * manager connection for outbound calls) and "tts" (espeak-ng and sox), each OFF when not
 * configured, DOWN when configured and not working.
 */
public final class VoiceReadiness {

    private VoiceReadiness() {
    }

    public static void add(HealthRegistry health, VoiceOptions options, VoiceChannel voice) {
        if (options.outboundEnabled()) {
            String ami = options.amiHost() + ":" + options.amiPort();
            health.add("ami", () -> Future.succeededFuture(voice.health().amiConnected()
                    ? ComponentHealth.up("manager connected to " + ami)
                    : ComponentHealth.down("manager not connected to " + ami)));
        } else {
            health.addFixed("ami", ComponentHealth.off("no manager interface configured (ami.host): outbound calls off"));
        }
        if (options.tts()) {
            health.add("tts", () -> {
                VoiceHealth h = voice.health();
                return Future.succeededFuture(h.tts() ? ComponentHealth.up(options.espeakCommand() + " and " + options.soxCommand())
                        : ComponentHealth.down(options.espeakCommand() + " or " + options.soxCommand()
                        + " not available (install them, or set agi.tts = false)"));
            });
        } else {
            health.addFixed("tts", ComponentHealth.off("text to speech switched off (agi.tts): recorded prompts only"));
        }
    }
}
