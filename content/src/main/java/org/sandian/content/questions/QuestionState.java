package org.sandian.content.questions;

/** Where a consultation or complaint is: new, taken by an officer, answered, closed. */
public enum QuestionState {
    OPEN, ASSIGNED, ANSWERED, CLOSED
}
