package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.bus.PriceReport;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.EditRefused;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Market;
import org.sandian.content.model.Price;
import org.sandian.content.snapshot.ContentSnapshot;
import org.sandian.ops.auth.ReporterPhones;
import org.sandian.ops.auth.Role;
import org.sandian.ops.auth.User;
import org.sandian.ops.auth.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link Addresses#PRICE_REPORT}: a price texted from a registered reporter's number
 * ("报价 玉米 武汉 1.25") is saved as that reporter's price of today and submitted for review,
 * through the same desk (region rule, audit) as the console's. Other numbers are refused.
 */
public final class PriceReportDesk {

    private static final Logger log = LoggerFactory.getLogger(PriceReportDesk.class);

    private final ReporterPhones phones;
    private final UserStore users;
    private final ContentDesk desk;
    private final Supplier<ContentSnapshot> snapshot;
    private final ZoneId zone;
    private final Clock clock;

    public PriceReportDesk(ReporterPhones phones, UserStore users, ContentDesk desk, Supplier<ContentSnapshot> snapshot,
                           ZoneId zone, Clock clock) {
        this.phones = phones;
        this.users = users;
        this.desk = desk;
        this.snapshot = snapshot;
        this.zone = zone;
        this.clock = clock;
    }

    public void serve(Vertx vertx) {
        MessageTypes.register(vertx.eventBus());
        vertx.eventBus().<PriceReport>consumer(Addresses.PRICE_REPORT, m -> vertx.executeBlocking(() -> take(m.body()), false)
                .onComplete(r -> reply(m, r.succeeded() ? r.result()
                        : new Answer.Failed(m.body().lang(), Intent.REPORT, "unavailable"))));
    }

    private static void reply(Message<PriceReport> m, Answer answer) {
        m.reply(answer, RecordCodec.options(Answer.class));
    }

    /** Blocking. */
    Answer take(PriceReport report) {
        Lang lang = report.lang() == null ? Lang.ZH : report.lang();
        Optional<User> reporter = phones.userOf(report.phone()).flatMap(users::find)
                .filter(u -> !u.disabled() && u.role() == Role.REPORTER);
        if (reporter.isEmpty()) {
            log.info("price report from {} refused: not a reporter's number", PhoneMask.mask(report.phone()));
            return new Answer.Failed(lang, Intent.REPORT, "not-a-reporter");
        }
        ContentSnapshot s = snapshot.get();
        Commodity commodity = s.commodity(report.commodityCode());
        Market market = s.market(report.marketId());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String unit = commodity == null || commodity.unit() == null ? null : commodity.unit().zh();
        Price price = new Price(Price.idOf(report.commodityCode(), report.marketId(), today), report.commodityCode(),
                report.marketId(), today, report.price(), report.price(), report.price(), unit, "sms",
                reporter.get().name(), null);
        try {
            var editor = Editors.of(reporter.get().officer());
            desk.save(editor, ContentKind.PRICE, price);
            desk.submit(editor, ContentKind.PRICE, price.id());
        } catch (EditRefused e) {
            log.info("price report by {} refused: {}", reporter.get().name(), e.getMessage());
            return new Answer.Failed(lang, Intent.REPORT, "refused");
        }
        String subject = (commodity == null ? report.commodityCode() : commodity.name().in(lang)) + " "
                + (market == null ? report.marketId() : market.name().in(lang)) + " " + report.price().toPlainString()
                + (commodity == null || commodity.unit() == null ? "" : commodity.unit().in(lang));
        return new Answer.Done(lang, Intent.REPORT, subject, "in-review");
    }
}
