package io.heed.compliance.report;

/**
 * One recipient as the per-recipient reports (CSV, XLSX) show them: the snapshot taken at launch, delivery,
 * deadline, the current answer to each step (in the playbook's order) with its time, and completion. Times are
 * ISO-8601 in UTC with microseconds ({@code 2026-12-15T23:00:00.000000Z}), formatted by PostgreSQL, or null.
 *
 * @param stepStatus per step: {@code done}, {@code not_applicable}, or null when unanswered
 * @param stepAt per step: when the current answer was given (the last change of status), or null
 */
record RecipientRow(
        String email,
        String name,
        String region,
        String department,
        String country,
        String deliveryStatus,
        String sentAt,
        String deadlineAt,
        String[] stepStatus,
        String[] stepAt,
        String completedAt) {

    boolean completed() {
        return completedAt != null;
    }
}
