package org.sandian.ops.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sandian.broadcast.subscriber.PhoneNumbers;
import org.sandian.channels.voice.VoiceChannel;
import org.sandian.channels.voice.emulated.KeypadCall;

/**
 * The phone simulator's keypad: an officer calls the hotline as a farmer's number and presses keys
 * as form buttons. The call goes through this hub's real FastAGI server, with Asterisk's side
 * played by {@link KeypadCall}; the page shows what the caller heard, each prompt's text and, where
 * speech synthesis made one, its sound.
 */
final class HotlineKeypad implements ConsolePage {

    /** How long a key's form waits for the hotline to answer before the page shows what there is. */
    private static final long SETTLE_MS = 15_000;

    private final Vertx vertx;
    private final VoiceChannel voice;
    private final SimulatedCalls calls;
    private final SoundFiles sounds;

    HotlineKeypad(Vertx vertx, VoiceChannel voice) {
        this.vertx = vertx;
        this.voice = voice;
        this.calls = new SimulatedCalls(voice);
        this.sounds = new SoundFiles(voice.soundsDir());
        vertx.setPeriodic(60_000, t -> calls.prune());
    }

    @Override
    public void mount(Router r) {
        r.post("/phone/call").handler(this::dial);
        r.post("/phone/call/keys").handler(this::keys);
        r.post("/phone/call/hangup").handler(this::hangUp);
        r.get("/phone/sound").handler(this::sound);
    }

    /** The call of this session as the page shows it, or null when there is none. File checks off the event loop. */
    Future<JsonObject> model(RoutingContext ctx) {
        KeypadCall call = calls.of(sessionId(ctx));
        if (call == null) return Future.succeededFuture(null);
        return vertx.executeBlocking(() -> {
            JsonArray heard = new JsonArray();
            for (KeypadCall.Heard h : call.heard()) heard.add(entry(h));
            return new JsonObject().put("from", call.callerId()).put("id", call.uniqueId()).put("heard", heard)
                    .put("waiting", call.waitingForKey()).put("ended", call.ended());
        }, false);
    }

    private JsonObject entry(KeypadCall.Heard h) {
        JsonObject e = new JsonObject().put("kind", h.kind().name().toLowerCase()).put("value", h.value());
        if (h.kind() == KeypadCall.Kind.PROMPT) {
            voice.spokenText(h.value()).ifPresent(text -> e.put("text", text));
            String name = sounds.nameOf(h.value());
            if (name != null && sounds.wav(name).isPresent()) {
                e.put("audio", "/console/phone/sound?f=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            }
        }
        return e;
    }

    private void dial(RoutingContext ctx) {
        String raw = ctx.request().getFormAttribute("caller");
        if (!PhoneNumbers.isValid(raw) || voice.agiPort() <= 0) {
            ConsoleSession.flash(ctx, "type the farmer's phone number (e.g. 13800138000)");
            ConsoleRoutes.redirect(ctx, "/console/phone");
            return;
        }
        KeypadCall call = calls.dial(sessionId(ctx), PhoneNumbers.normalize(raw));
        if (call == null) {
            ConsoleSession.flash(ctx, "too many simulated calls at once (" + SimulatedCalls.MAX_LIVE + "): try again in a minute");
            ConsoleRoutes.redirect(ctx, "/console/phone");
            return;
        }
        afterSettled(ctx, call.settled());
    }

    /** One key (a keypad button), "none" (let the wait run out), or a typed sequence such as 101#. */
    private void keys(RoutingContext ctx) {
        KeypadCall call = calls.of(sessionId(ctx));
        if (call == null || call.ended()) {
            ConsoleRoutes.redirect(ctx, "/console/phone");
            return;
        }
        String key = ctx.request().getFormAttribute("key");
        String typed = ctx.request().getFormAttribute("keys");
        CompletableFuture<Void> done;
        if ("none".equals(key)) done = call.noKey();
        else done = call.press(key != null ? key : typed == null ? "" : typed.strip());
        afterSettled(ctx, done);
    }

    private void hangUp(RoutingContext ctx) {
        KeypadCall call = calls.of(sessionId(ctx));
        if (call == null) {
            ConsoleRoutes.redirect(ctx, "/console/phone");
            return;
        }
        afterSettled(ctx, call.hangUp());
    }

    /** Back to the page once the hotline waits for the next key (or ended), or after {@link #SETTLE_MS}. */
    private void afterSettled(RoutingContext ctx, CompletableFuture<Void> settled) {
        Future.fromCompletionStage(settled, vertx.getOrCreateContext()).timeout(SETTLE_MS, TimeUnit.MILLISECONDS)
                .onComplete(x -> ConsoleRoutes.redirect(ctx, "/console/phone#call"));
    }

    private void sound(RoutingContext ctx) {
        String name = ctx.request().getParam("f");
        vertx.executeBlocking(() -> sounds.wav(name), false).onComplete(found ->
                SoundFiles.send(ctx, found.succeeded() ? found.result() : java.util.Optional.empty(), "no such sound"));
    }

    private static String sessionId(RoutingContext ctx) {
        return ctx.session() == null ? null : ctx.session().id();
    }
}
