package io.heed.acknowledgement;

import java.time.Instant;

/**
 * A recipient's current answer to one step, as {@code step_answer} keeps it.
 *
 * @param viaPlaybook answered by the whole-playbook "not applicable" rather than on the step
 * @param firstAnsweredAt the first answer's time, never moved by a repeat or a change
 * @param changedAt the last change of status
 */
record Answer(String stepKey, StepStatus status, boolean viaPlaybook, Instant firstAnsweredAt, Instant changedAt) {}
