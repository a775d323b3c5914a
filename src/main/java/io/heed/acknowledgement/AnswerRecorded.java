package io.heed.acknowledgement;

import java.time.Instant;

/**
 * An employee's answer to a step changed: their first answer ({@code previousStatus} null) or a different one.
 * Repeating the same answer fires nothing. Fired synchronously inside the transaction that records the answer,
 * once per changed step (the whole-playbook "not applicable" fires one per step it changes), so an observer
 * that keeps counters writes them in the same transaction: if the observer throws, the answer is not recorded
 * either. Observe it with {@code void on(@Observes AnswerRecorded answer)}; never with {@code @ObservesAsync}
 * (counters would drift from the answers on a crash).
 *
 * @param completedNow true on the one answer that completed the recipient (every step answered), whose
 *     {@code at} is then also the recipient's {@code completedAt}; never true twice for one recipient
 * @param viaPlaybook true when the answer came from the whole-playbook "not applicable"
 */
public record AnswerRecorded(
        long campaignId,
        long recipientId,
        String stepKey,
        StepStatus previousStatus,
        StepStatus newStatus,
        Instant at,
        boolean completedNow,
        boolean viaPlaybook) {}
