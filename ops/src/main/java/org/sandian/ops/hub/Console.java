package org.sandian.ops.hub;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.bus.Addresses;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.ops.auth.Logins;
import org.sandian.ops.auth.PasswordHasher;
import org.sandian.ops.auth.UserStore;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.console.ConsoleRoutes;
import org.sandian.ops.console.View;

/** Builds the officers' console and the services behind it. */
final class Console {

    private Console() {
    }

    static Router router(Vertx vertx, HubConfig config, MongoStore store, ContentStores content, Clock clock,
                         org.sandian.broadcast.outbox.BroadcastEngine broadcasts,
                         org.sandian.channels.sms.sim.SmscSimulator demoSmsc,
                         java.util.function.Supplier<org.sandian.content.snapshot.ContentSnapshot> snapshot,
                         org.sandian.channels.tv.TvOptions tv,
                         org.sandian.channels.web.WebOptions web,
                         org.sandian.channels.voice.VoiceChannel voice) {
        AuditLog audit = new AuditLog(store, clock);
        ContentDesk desk = new ContentDesk(content, audit, clock, config.reader().bool("console.self-approval"),
                kind -> vertx.eventBus().publish(Addresses.CONTENT_CHANGED, kind.collection));
        Logins logins = new Logins(new UserStore(store), new PasswordHasher(), audit, clock);
        View view = new View(vertx, config.zone());
        String secret = config.reader().optional("console.csrf-secret");
        QuestionStore questions = new QuestionStore(store, clock, WorkingDays.mondayToFriday(config.zone()));
        // reporters' texted prices go through this same desk
        new org.sandian.ops.console.PriceReportDesk(new org.sandian.ops.auth.ReporterPhones(store), new UserStore(store),
                desk, snapshot, config.zone(), clock).serve(vertx);
        return ConsoleRoutes.create(vertx, logins, view, desk, content, questions, audit, config.zone(), clock,
                secret != null ? secret : randomSecret(), broadcasts, demoSmsc, snapshot, tv, web, voice)
                .router(config.dataDir().resolve("uploads"));
    }

    private static String randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
