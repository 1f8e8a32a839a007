package org.sandian.ops.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.bus.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone simulator: an officer types an SMS as a farmer (demo hub only: it enters at the demo
 * SMSC simulator and takes the real SMPP path through the SMS channel, and the page shows the
 * replies the simulator received for that number, refreshing itself every 3 seconds, no script),
 * or calls the hotline on the {@link HotlineKeypad}.
 */
final class PhoneSimulatorPage implements ConsolePage {

    static final String SERVICE_NUMBER = "12316";
    private static final Logger log = LoggerFactory.getLogger(PhoneSimulatorPage.class);
    private static final int SHOWN = 20;

    private final SmscSimulator sim;
    private final HotlineKeypad keypad;
    private final View view;

    /**
     * @param sim    the demo hub's SMSC simulator, or null when the hub talks to a real SMSC
     * @param keypad calls to the hotline, or null when the hub has no voice channel
     */
    PhoneSimulatorPage(SmscSimulator sim, HotlineKeypad keypad, View view) {
        this.sim = sim;
        this.keypad = keypad;
        this.view = view;
    }

    @Override
    public void mount(Router r) {
        r.get("/phone").handler(this::page);
        r.post("/phone").handler(this::send);
        if (keypad != null) keypad.mount(r);
    }

    private void page(RoutingContext ctx) {
        String from = digits(ctx.request().getParam("from"));
        JsonObject m = new JsonObject().put("available", sim != null).put("from", from == null ? "13800000000" : from);
        if (sim != null && from != null) {
            List<SimMessage> replies = sim.messages().stream().filter(x -> x.to() != null && x.to().endsWith(from)).toList();
            JsonArray shown = new JsonArray();
            replies.subList(Math.max(0, replies.size() - SHOWN), replies.size())
                    .forEach(x -> shown.add(new JsonObject().put("text", x.text()).put("parts", x.parts().size())));
            m.put("replies", shown).put("refresh", 3);
        }
        m.put("voice", keypad != null);
        if (keypad == null) {
            view.render(ctx, sim == null ? 503 : 200, "phone", m);
            return;
        }
        keypad.model(ctx).onComplete(call -> {
            if (call.failed()) {
                ctx.fail(call.cause());
                return;
            }
            if (call.result() != null) {
                m.put("call", call.result());
                // While the hotline speaks, the page looks again by itself; once it waits for a key, it stays.
                if (!call.result().getBoolean("waiting") && !call.result().getBoolean("ended")) m.put("refresh", 2);
            }
            view.render(ctx, "phone", m);
        });
    }

    private void send(RoutingContext ctx) {
        String from = digits(ctx.request().getFormAttribute("from"));
        String text = ctx.request().getFormAttribute("text");
        if (sim == null || from == null || text == null || text.isBlank()) {
            ConsoleSession.flash(ctx, "type a phone number (digits) and a message");
            ConsoleRoutes.redirect(ctx, "/console/phone");
            return;
        }
        String number = from.startsWith("86") ? from : "86" + from;
        log.info("phone simulator: MO from {} by a console officer", PhoneMask.mask(number));
        sim.injectMo(number, SERVICE_NUMBER, text.strip(), 8); // UCS-2, as Chinese handsets send
        ConsoleRoutes.redirect(ctx, "/console/phone?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
    }

    private static String digits(String s) {
        return s != null && s.strip().matches("\\d{5,15}") ? s.strip() : null;
    }
}
