package org.sandian.content.bus;

import java.util.List;
import org.sandian.content.model.Lang;

/**
 * What the hub knows of a phone number, as the subscriber directory answers on
 * {@link Addresses#PROFILE}: its language, registered region and crops, and whether it stopped.
 */
public record FarmerProfile(String phone, Lang lang, String regionCode, List<String> crops, boolean stopped) {
}
