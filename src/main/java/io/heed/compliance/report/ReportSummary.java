package io.heed.compliance.report;

import io.heed.compliance.CampaignFacts;
import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.Dashboard;
import java.time.Instant;

/**
 * What a PDF report states: the campaign, its counts by region, what the report covers, and the SHA-256 and
 * number of the per-recipient rows ({@code report.csv} with the same filters). Counts and hash come from one
 * database snapshot ({@link ExportReports#summary}).
 */
record ReportSummary(
        CampaignFacts facts,
        Dashboard byRegion,
        ComplianceFilter filter,
        String dataSha256,
        long rows,
        Instant generatedAt,
        String generatedBy) {}
