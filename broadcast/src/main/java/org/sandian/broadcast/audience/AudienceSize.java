package org.sandian.broadcast.audience;

import java.util.Map;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/**
 * An audience counted before sending.
 *
 * @param people    distinct subscribers matched on at least one of the channels asked
 * @param byChannel recipients per channel (a farmer consenting to SMS and voice counts in both)
 * @param byLang    people per language
 */
public record AudienceSize(long people, Map<Channel, Long> byChannel, Map<Lang, Long> byLang) {
}
