/**
 * Compliance as evidence to file: the per-recipient CSV and XLSX, streamed from server-side cursors on one
 * snapshot ({@code RecipientRows}); the PDF summary with the SHA-256 of that CSV (what it states:
 * {@code ReportSummary}; what it says, section by section: {@code ReportPdf}; how it looks: {@code PdfKit}, on
 * OpenPDF); every export audited before its first byte ({@code ExportReports}); and the scheduled report mail
 * ({@code ReportMail} queues it, {@code ReportMailComposer}, a delivery {@code MessageComposer}, renders it when
 * due).
 *
 * <p>Writes the tables {@code compliance_report_recipient} (who receives a campaign's report, {@code
 * ReportRecipients}) and {@code compliance_report_run} (one row per campaign and scheduled run, so a replayed run
 * queues nothing twice). Offers nothing to other packages: its surface is the HTTP API and the mail.
 */
package io.heed.compliance.report;
