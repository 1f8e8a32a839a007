package org.sandian.content.answer;

/**
 * Where every answered query is recorded for officers: statistics per channel and keyword, and
 * above all what farmers asked that we could not answer. Must not block the caller.
 */
public interface QueryLog {

    void record(Query query, Answer answer);

    QueryLog NONE = (query, answer) -> { };
}
