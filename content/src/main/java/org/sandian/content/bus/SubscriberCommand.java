package org.sandian.content.bus;

import java.util.List;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.model.Lang;

/**
 * A farmer's change to his own subscription, sent on {@link Addresses#SUBSCRIBER_COMMAND} with
 * names already resolved by the answer engine.
 *
 * @param action      SUBSCRIBE, UNSUBSCRIBE, REGISTER or LANGUAGE
 * @param topic       for SUBSCRIBE: "price", "guidance" or "notices"
 * @param commodities for SUBSCRIBE price/guidance: one commodity code; for REGISTER: the crops; else empty
 * @param regionCode  for REGISTER: the resolved 12-digit region code
 * @param lang        the language asked for (LANGUAGE) or used
 */
public record SubscriberCommand(Intent action, String phone, Channel channel, String topic, List<String> commodities,
                                String regionCode, Lang lang) {
}
