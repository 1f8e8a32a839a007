package org.sandian.content.questions;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.model.Lang;

/**
 * A consultation (在线咨询, {@link Intent#ASK}) or complaint (监督投诉, {@link Intent#COMPLAIN}),
 * keyed by its ticket number. Times are UTC; {@code due} is two working days after creation.
 *
 * @param number    the ticket number the farmer types to ask about it (see {@link TicketNumbers})
 * @param phone     the asker's phone in E.164, or null (web form without a number)
 * @param text      the question as typed, or as transcribed for a spoken one
 * @param recording for a spoken question: the sound file's name, else null
 * @param region    the asker's 12-digit region code, if known
 * @param assignee  the officer who took it, or null
 * @param answer    the officer's answer, or null
 */
public record Question(
        @BsonId String number,
        Intent kind,
        String phone,
        Channel channel,
        String text,
        String recording,
        String region,
        Lang lang,
        QuestionState state,
        String assignee,
        String answer,
        Instant created,
        Instant due,
        Instant answeredAt,
        Instant closedAt) {

    Question assignedTo(String officer) {
        return new Question(number, kind, phone, channel, text, recording, region, lang, QuestionState.ASSIGNED,
                officer, answer, created, due, answeredAt, closedAt);
    }

    Question answered(String officer, String answerText, Instant at) {
        return new Question(number, kind, phone, channel, text, recording, region, lang, QuestionState.ANSWERED,
                assignee == null ? officer : assignee, answerText, created, due, at, closedAt);
    }

    Question closed(Instant at) {
        return new Question(number, kind, phone, channel, text, recording, region, lang, QuestionState.CLOSED,
                assignee, answer, created, due, answeredAt, at);
    }
}
