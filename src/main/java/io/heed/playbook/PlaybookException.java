package io.heed.playbook;

import java.util.List;
import java.util.stream.Collectors;

/** A playbook that cannot be used, with every problem found. */
class PlaybookException extends RuntimeException {

    private final transient List<PlaybookProblem> problems;

    PlaybookException(List<PlaybookProblem> problems) {
        super(problems.stream().map(PlaybookProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    PlaybookException(PlaybookProblem problem) {
        this(List.of(problem));
    }

    List<PlaybookProblem> problems() {
        return problems;
    }
}
