package org.sandian.content.bus;

import io.vertx.core.eventbus.EventBus;
import java.util.List;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Query;

/** Every record type the hub sends on the bus; each gets a {@link RecordCodec}. */
public final class MessageTypes {

    private static final List<Class<?>> TYPES = List.of(
            Query.class, Answer.class, FarmerProfile.class, SubscriberCommand.class, TicketCommand.class, PriceReport.class,
            OutboundSms.class, SmsStatus.class);

    private MessageTypes() {
    }

    /** Registers every type's codec on {@code bus}; safe to call from every verticle. */
    public static void register(EventBus bus) {
        for (Class<?> type : TYPES) RecordCodec.register(bus, type);
    }

    /** Lets a module add its own message types (e.g. SMS's outbound messages) to the same scheme. */
    public static void register(EventBus bus, Class<?>... more) {
        register(bus);
        for (Class<?> type : more) RecordCodec.register(bus, type);
    }
}
