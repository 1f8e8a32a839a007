package org.sandian.content.answer;

import org.sandian.content.model.LocalizedText;

/** One thing a farmer may have meant: a commodity, market or region, by code and name. */
public record Candidate(Kind kind, String code, LocalizedText name) {

    public enum Kind { COMMODITY, MARKET, REGION }
}
