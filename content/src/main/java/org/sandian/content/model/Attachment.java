package org.sandian.content.model;

/** A downloadable form or document attached to a notice. */
public record Attachment(LocalizedText title, String url) {
}
