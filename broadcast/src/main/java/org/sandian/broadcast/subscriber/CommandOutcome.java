package org.sandian.broadcast.subscriber;

import org.sandian.content.answer.Answer;

/**
 * What a farmer's command did: the subscriber to store (null when nothing changed), the answer to
 * give, and whether the number has just stopped (pending broadcast sends must be dropped).
 */
public record CommandOutcome(Subscriber changed, Answer answer, boolean stoppedNow) {
}
