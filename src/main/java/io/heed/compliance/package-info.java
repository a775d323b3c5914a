/**
 * The read side: what campaigns asked and employees answered, counted and reported, never changed. It reads the
 * tables of {@code campaign} and {@code acknowledgement} (recipients, step answers) and writes only its own.
 *
 * <p>Owns the tables {@code compliance_count} and {@code compliance_count_delta} (the dashboard counters, kept
 * by the triggers of migration V9 and folded by {@link io.heed.compliance.CounterCompaction}),
 * {@code compliance_report_recipient} and {@code compliance_report_run} (the report mail's, written by
 * {@code compliance.report}). Decides what a caller may count: {@link io.heed.compliance.ComplianceFilter}, the
 * caller's {@code RegionScope} narrowed by the region and department filters, as one SQL predicate.
 *
 * <p>This package holds what both sub-packages share: the filter, a campaign's {@link
 * io.heed.compliance.CampaignFacts}, the counters' compaction, and the answer to campaign's {@code
 * RecipientCounts} ({@code CounterRecipientCounts}, from the counters). {@code compliance.dashboard} offers the
 * dashboard, overview and employee reads; {@code compliance.report} the CSV, XLSX and PDF exports and the
 * scheduled report mail. Nothing outside compliance uses it but the console (docs/compliance.md).
 */
package io.heed.compliance;
