package io.heed.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects {@link AnswerRecorded} events as an observer in another package (compliance) would receive them. */
@ApplicationScoped
public class RecordedAnswers {

    final List<AnswerRecorded> events = new CopyOnWriteArrayList<>();

    void on(@Observes AnswerRecorded answer) {
        events.add(answer);
    }
}
