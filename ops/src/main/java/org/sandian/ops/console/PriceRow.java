package org.sandian.ops.console;

import org.sandian.content.model.Price;

/**
 * One line of an uploaded price CSV: its fields as typed, the price it makes, or why it cannot
 * be imported. {@code outcome} is filled in by the import ("in review", or the refusal).
 */
record PriceRow(int line, String commodity, String market, String date, String min, String avg, String max, Price price,
                String error, String outcome) {

    boolean valid() {
        return error == null;
    }

    PriceRow imported(String result) {
        return new PriceRow(line, commodity, market, date, min, avg, max, price, error, result);
    }
}
