package io.heed.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects {@link AnswerRecorded} events as an observer in another package (compliance) would receive them. */
@ApplicationScoped
public class RecordedAnswers {

    private final List<AnswerRecorded> events = new CopyOnWriteArrayList<>();

    /** A method, not the field: the test holds a client proxy, whose own fields are not the bean's. */
    List<AnswerRecorded> events() {
        return events;
    }

    void on(@Observes AnswerRecorded answer) {
        events.add(answer);
    }
}
