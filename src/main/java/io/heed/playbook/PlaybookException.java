package io.heed.playbook;

import java.util.List;
import java.util.stream.Collectors;

/** A playbook that cannot be used, with every problem found. */
public class PlaybookException extends RuntimeException {

    private final transient List<PlaybookProblem> problems;

    public PlaybookException(List<PlaybookProblem> problems) {
        super(problems.stream().map(PlaybookProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public PlaybookException(PlaybookProblem problem) {
        this(List.of(problem));
    }

    public List<PlaybookProblem> problems() {
        return problems;
    }
}
