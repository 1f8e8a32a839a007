package org.sandian.broadcast.api;

import java.util.Map;
import org.sandian.content.model.Lang;

/**
 * What an SMS broadcast will cost before it is sent.
 *
 * @param partsByLang SMS parts of the text each language's readers get
 * @param recipients  SMS recipients per language
 * @param smsParts    total parts to send
 * @param cost        smsParts times the configured price per part
 */
public record Estimate(Map<Lang, Integer> partsByLang, Map<Lang, Long> recipients, long smsParts, double cost) {
}
