package io.heed.acknowledgement;

import java.util.Optional;

/** An employee's answer to one step. Both count towards completion. */
public enum StepStatus {
    /** The employee did what the step asks. */
    DONE("done"),
    /** The step does not apply to them (only where the playbook allows it). */
    NOT_APPLICABLE("not_applicable");

    private final String value;

    StepStatus(String value) {
        this.value = value;
    }

    /** The form value and the database value: {@code done}, {@code not_applicable}. */
    public String value() {
        return value;
    }

    static Optional<StepStatus> parse(String value) {
        for (StepStatus status : values()) {
            if (status.value.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
