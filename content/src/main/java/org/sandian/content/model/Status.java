package org.sandian.content.model;

/** Where a piece of content is in its review cycle. Only PUBLISHED content is ever served. */
public enum Status {
    DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN
}
