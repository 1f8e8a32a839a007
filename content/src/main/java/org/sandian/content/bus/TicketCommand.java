package org.sandian.content.bus;

import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.model.Lang;

/**
 * A consultation or complaint to store (ASK, COMPLAIN), or a ticket to look up (STATUS), sent on
 * {@link Addresses#TICKET_COMMAND}.
 *
 * @param text      the question, or for STATUS the ticket number typed
 * @param recording for a spoken question: the sound file's name, else null
 * @param region    the asker's region code, if known
 */
public record TicketCommand(Intent action, String phone, Channel channel, String text, String recording,
                            String region, Lang lang) {
}
