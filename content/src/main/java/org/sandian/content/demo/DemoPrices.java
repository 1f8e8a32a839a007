package org.sandian.content.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.Market;
import org.sandian.content.model.Price;

/**
 * Daily demo prices: a seeded random walk per commodity and market that drifts back toward the
 * market's level, so the series look like real quotes (small daily moves, no runaway trend) and
 * the same commodity and market always give the same numbers, whatever day "today" is.
 */
public final class DemoPrices {

    /** Days of history generated, ending today. */
    public static final int DAYS = 60;
    public static final String SOURCE = "demo";
    /** How strongly a day's price is pulled back toward the market's level. */
    private static final double REVERSION = 0.12;

    private DemoPrices() {
    }

    /**
     * {@link #DAYS} daily prices, oldest first, ending {@code today}, for {@code commodity} at
     * {@code market} around {@code base * priceFactor}.
     */
    public static List<Price> series(Commodity commodity, BigDecimal base, double volatility,
                                     Market market, double priceFactor, LocalDate today, ContentMeta meta) {
        // String.hashCode is specified, so the seed (and every price) is the same on every JVM.
        Random random = new Random((commodity.code() + "@" + market.id()).hashCode());
        double level = Math.log(base.doubleValue() * priceFactor);
        double x = level + 0.05 * random.nextGaussian();
        String unit = commodity.unit() == null ? null : commodity.unit().zh();
        List<Price> out = new ArrayList<>(DAYS);
        for (int i = DAYS - 1; i >= 0; i--) {
            x += volatility * random.nextGaussian() + REVERSION * (level - x);
            double avg = Math.exp(x);
            // The day's range around its average: a few percent, like a wholesale board.
            double low = avg * (1 - 0.02 - 0.04 * random.nextDouble());
            double high = avg * (1 + 0.02 + 0.04 * random.nextDouble());
            LocalDate day = today.minusDays(i);
            out.add(new Price(Price.idOf(commodity.code(), market.id(), day), commodity.code(), market.id(), day,
                    money(low), money(avg), money(high), unit, SOURCE, SOURCE, meta));
        }
        return out;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
