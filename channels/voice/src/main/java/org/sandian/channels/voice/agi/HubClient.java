package org.sandian.channels.voice.agi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SubscriberCommand;
import org.sandian.content.bus.TicketCommand;
import org.sandian.content.model.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub as a call's thread sees it: blocking calls over the event bus, each with a deadline, each
 * failure turned into a polite answer. Only for AGI threads, never a Vert.x event loop.
 */
public final class HubClient {

    private static final Logger log = LoggerFactory.getLogger(HubClient.class);
    private static final long PROFILE_TIMEOUT_MS = 500;

    private final Vertx vertx;
    private final AnswerService answers;
    private final Duration timeout;

    public HubClient(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.answers = AnswerService.proxy(vertx);
        this.timeout = timeout;
        MessageTypes.register(vertx.eventBus());
    }

    /** The engine's answer, or {@link Answer.Failed} when it does not come in time. */
    public Answer answer(Query query) {
        try {
            return await(answers.answer(query), timeout.toMillis());
        } catch (Exception e) {
            log.warn("answer engine: {} failed: {}", query.intent(), e.toString());
            return new Answer.Failed(query.lang(), query.intent(), "unavailable");
        }
    }

    /** The caller's profile, or null (unknown number, or no subscriber directory running). */
    public FarmerProfile profile(String phone) {
        if (phone == null || phone.isBlank()) return null;
        try {
            DeliveryOptions options = new DeliveryOptions().setSendTimeout(PROFILE_TIMEOUT_MS);
            Future<FarmerProfile> f = vertx.eventBus().<FarmerProfile>request(Addresses.PROFILE, phone, options)
                    .map(Message::body);
            return await(f, PROFILE_TIMEOUT_MS + 200);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Sends a farmer's own change to the subscriber directory without waiting for it: the call goes
     * on at once (a key pressed while nothing listens is lost). A failure is only logged.
     */
    public void tell(SubscriberCommand command) {
        DeliveryOptions options = RecordCodec.options(SubscriberCommand.class).setSendTimeout(timeout.toMillis());
        vertx.eventBus().request(Addresses.SUBSCRIBER_COMMAND, command, options).onFailure(e -> log.warn(
                "subscriber directory: {} for {} failed: {}", command.action(), PhoneMask.mask(command.phone()), e.toString()));
    }

    /** Stores a question (or looks up a ticket) at the questions desk. */
    public Answer ticket(TicketCommand command) {
        try {
            DeliveryOptions options = RecordCodec.options(TicketCommand.class).setSendTimeout(timeout.toMillis());
            return await(vertx.eventBus().<Answer>request(Addresses.TICKET_COMMAND, command, options)
                    .map(Message::body), timeout.toMillis() + 200);
        } catch (Exception e) {
            log.warn("questions desk: {} failed: {}", command.action(), e.toString());
            Lang lang = command.lang() == null ? Lang.ZH : command.lang();
            return new Answer.Failed(lang, Intent.ASK, "unavailable");
        }
    }

    /** Hands an SMS to the SMS channel; false when it could not be stored in time (logged). */
    public boolean sms(OutboundSms sms) {
        try {
            DeliveryOptions options = RecordCodec.options(OutboundSms.class).setSendTimeout(timeout.toMillis());
            await(vertx.eventBus().request(Addresses.SMS_SEND, sms, options), timeout.toMillis() + 200);
            return true;
        } catch (Exception e) {
            log.warn("sms {} to {} not queued: {}", sms.source(), PhoneMask.mask(sms.to()), e.toString());
            return false;
        }
    }

    private static <T> T await(Future<T> f, long ms) throws InterruptedException, ExecutionException, TimeoutException {
        return f.toCompletionStage().toCompletableFuture().get(ms, TimeUnit.MILLISECONDS);
    }
}
