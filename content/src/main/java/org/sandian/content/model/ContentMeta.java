package org.sandian.content.model;

import java.time.Instant;

/** What every content document carries: review status, version, author and UTC timestamps. */
public record ContentMeta(Status status, int version, String author, Instant created, Instant updated) {

    public static ContentMeta published(String author, Instant at) {
        return new ContentMeta(Status.PUBLISHED, 1, author, at, at);
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }
}
