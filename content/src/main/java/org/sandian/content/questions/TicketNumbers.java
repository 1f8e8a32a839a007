package org.sandian.content.questions;

import java.util.Optional;

/**
 * Ticket numbers short enough to type on a phone keypad: digits only, a sequence starting at
 * 100000 followed by a Luhn check digit (1000009, 1000017...): 7 digits for the first 900,000
 * tickets, then 8. The check digit catches any single mistyped digit and most swapped pairs, so
 * a typo says "not found" rather than looking up somebody else's ticket.
 */
public final class TicketNumbers {

    private static final long FIRST = 100_000;

    private TicketNumbers() {
    }

    /** The number of the {@code seq}-th ticket (1-based). */
    public static String format(long seq) {
        if (seq < 1) throw new IllegalArgumentException("ticket sequence starts at 1, was " + seq);
        String base = Long.toString(FIRST + seq - 1);
        return base + checkDigit(base);
    }

    /**
     * The ticket number in what a farmer typed ("1000009", "# 100 0009", "No.1000009", "编号：１０００００９"),
     * or empty when it holds no well-formed number.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) return Optional.empty();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
            else if (c >= '\uFF10' && c <= '\uFF19') digits.append((char) ('0' + (c - '\uFF10')));
        }
        String n = digits.toString();
        if (n.length() < 7 || n.length() > 9) return Optional.empty();
        String base = n.substring(0, n.length() - 1);
        return checkDigit(base) == n.charAt(n.length() - 1) ? Optional.of(n) : Optional.empty();
    }

    /** Luhn: double every second digit from the right of {@code base}. */
    static char checkDigit(String base) {
        int sum = 0;
        boolean twice = true;
        for (int i = base.length() - 1; i >= 0; i--) {
            int d = base.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
