package io.heed.compliance;

import java.time.Instant;

/**
 * One recipient as the per-recipient reports (CSV, XLSX) show them: the snapshot taken at launch, delivery,
 * deadline, the current answer to each step (in the playbook's order) with its time, and completion.
 *
 * @param stepStatus per step: {@code done}, {@code not_applicable}, or null when unanswered
 * @param stepAt per step: when the current answer was given (the last change of status), or null
 */
public record RecipientRow(
        String email,
        String name,
        String region,
        String department,
        String country,
        String deliveryStatus,
        Instant sentAt,
        Instant deadlineAt,
        String[] stepStatus,
        Instant[] stepAt,
        Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }
}
