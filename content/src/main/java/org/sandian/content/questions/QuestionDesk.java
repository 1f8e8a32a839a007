package org.sandian.content.questions;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.Optional;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Intent;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.TicketCommand;
import org.sandian.content.model.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The questions desk on {@link Addresses#TICKET_COMMAND}: stores consultations and complaints
 * (ASK, COMPLAIN) and tells a ticket's state (STATUS), replying an {@link Answer}. Store calls run
 * on worker threads. A farmer sees only his own tickets; a command without a phone (the officers'
 * console) sees any. Every failure becomes a polite {@link Answer.Failed}, never a bus error.
 */
public final class QuestionDesk extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(QuestionDesk.class);

    private final QuestionStore store;

    public QuestionDesk(QuestionStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        MessageTypes.register(vertx.eventBus());
        DeliveryOptions reply = RecordCodec.options(Answer.class);
        return vertx.eventBus().<TicketCommand>consumer(Addresses.TICKET_COMMAND, m -> handle(m, reply)).completion();
    }

    private void handle(Message<TicketCommand> m, DeliveryOptions reply) {
        TicketCommand c = m.body();
        Lang lang = c.lang() == null ? Lang.ZH : c.lang();
        // Unordered: one slow store call must not hold up every other farmer's ticket.
        vertx.executeBlocking(() -> answer(c, lang), false).onComplete(
                a -> m.reply(a, reply),
                e -> {
                    log.warn("ticket {} from {} failed: {}", c.action(), PhoneMask.mask(c.phone()), e.toString());
                    m.reply(new Answer.Failed(lang, c.action(), "unavailable"), reply);
                });
    }

    /** Blocking. */
    Answer answer(TicketCommand c, Lang lang) {
        if (c.action() == Intent.ASK || c.action() == Intent.COMPLAIN) return ask(c, lang);
        if (c.action() == Intent.STATUS) return status(c, lang);
        return new Answer.Failed(lang, c.action(), "unsupported");
    }

    private Answer ask(TicketCommand c, Lang lang) {
        String text = c.text() == null ? "" : c.text().strip();
        if (text.isEmpty() && c.recording() == null) {
            // "咨询" alone: the channel explains how to ask.
            return new Answer.NotFound(lang, c.action(), "", null, null);
        }
        Question q = store.create(c.action(), c.phone(), c.channel(), text, c.recording(), c.region(), lang);
        log.info("ticket {} {} from {} on {}", q.number(), q.kind(), PhoneMask.mask(c.phone()), c.channel());
        return ticket(q, lang);
    }

    private Answer status(TicketCommand c, Lang lang) {
        String typed = c.text() == null ? "" : c.text().strip();
        Optional<Question> found;
        if (typed.isEmpty() && c.phone() != null) {
            found = store.latestOf(c.phone());
        } else {
            found = TicketNumbers.parse(typed).flatMap(store::find).filter(q -> visibleTo(q, c.phone()));
        }
        return found.<Answer>map(q -> ticket(q, lang))
                .orElseGet(() -> new Answer.NotFound(lang, Intent.STATUS, typed, null, null));
    }

    /** A farmer sees his own tickets only; the console (no phone) sees all. */
    private static boolean visibleTo(Question q, String phone) {
        return phone == null || digits(phone).equals(digits(q.phone()));
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }

    private static Answer.Ticket ticket(Question q, Lang lang) {
        return new Answer.Ticket(lang, q.number(), q.kind(), q.state().name(), q.answer(), q.created());
    }
}
