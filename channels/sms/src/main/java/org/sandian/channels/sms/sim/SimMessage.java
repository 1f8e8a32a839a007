package org.sandian.channels.sms.sim;

import java.util.List;

/**
 * An MT as the handset would show it: the simulator's submits to one number joined by their
 * concatenation reference.
 *
 * @param parts the submits, in part order
 */
public record SimMessage(String from, String to, String text, List<SimSubmit> parts) {
}
