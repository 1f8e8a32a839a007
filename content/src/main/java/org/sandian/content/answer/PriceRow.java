package org.sandian.content.answer;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.sandian.content.model.Market;

/** The latest price at one market, with the previous report's average to show the movement. */
public record PriceRow(Market market, LocalDate date, BigDecimal min, BigDecimal avg, BigDecimal max,
                       BigDecimal previousAvg, String unit) {

    /** Change of the average against the previous report, or null when there is none. */
    public BigDecimal change() {
        return previousAvg == null ? null : avg.subtract(previousAvg);
    }
}
