package org.sandian.content.bus;

/**
 * Every event-bus address of the hub, in one place. Request/reply addresses are answered by
 * exactly one consumer per node; "published" addresses are broadcasts to every listener.
 */
public final class Addresses {

    private Addresses() {
    }

    /** Request: {@code Query} -> {@code Answer}. Served by content's answer engine. */
    public static final String ANSWER = "sandian.answer";

    /** Published: published content changed; the body names the collection ("notices"), or is empty for all. */
    public static final String CONTENT_CHANGED = "sandian.content.changed";

    /** Request: phone (String, E.164) -> {@code FarmerProfile} or null. Served by broadcast. */
    public static final String PROFILE = "sandian.subscribers.profile";

    /** Request: {@code SubscriberCommand} -> {@code Answer}. Served by broadcast. */
    public static final String SUBSCRIBER_COMMAND = "sandian.subscribers.command";

    /** Published: phone (String, E.164) that has just stopped: drop its pending sends at once. */
    public static final String STOPPED = "sandian.subscribers.stopped";

    /** Request: {@code PriceReport} -> {@code Answer}. Served by ops (reporters' numbers, the content desk). */
    public static final String PRICE_REPORT = "sandian.prices.report";

    /** Request: {@code TicketCommand} -> {@code Answer}. Served by content's questions desk. */
    public static final String TICKET_COMMAND = "sandian.questions.command";

    /** Request: {@code OutboundSms} -> message id (String) once stored. Served by the SMS channel. */
    public static final String SMS_SEND = "sandian.sms.send";

    /** Published: {@code SmsStatus} whenever an MT changes state (submitted, delivered, failed). */
    public static final String SMS_STATUS = "sandian.sms.status";

    /** Published: {@code InboundMessage} for every MO stored (statistics, console live view). */
    public static final String SMS_RECEIVED = "sandian.sms.received";
}
