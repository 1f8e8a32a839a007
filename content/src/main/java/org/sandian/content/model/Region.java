package org.sandian.content.model;

import org.bson.codecs.pojo.annotations.BsonId;

/** One node of the region tree, keyed by its 12-digit statistical code. */
public record Region(@BsonId String code, LocalizedText name, String parentCode, RegionLevel level) {
}
