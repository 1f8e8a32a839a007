package org.sandian.content.model;

import java.time.LocalDate;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** A policy notice (政务公开): who issued it, where it applies, and when. */
public record Notice(
        @BsonId String id,
        LocalizedText title,
        LocalizedText body,
        LocalizedText department,
        List<String> regionScope,
        LocalDate effective,
        LocalDate expiry,
        List<Attachment> attachments,
        ContentMeta meta) {
}
