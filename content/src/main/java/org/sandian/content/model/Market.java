package org.sandian.content.model;

import org.bson.codecs.pojo.annotations.BsonId;

/** A wholesale or farmers' market whose prices are reported. */
public record Market(@BsonId String id, LocalizedText name, String regionCode, ContentMeta meta) {
}
