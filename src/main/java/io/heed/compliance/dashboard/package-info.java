/**
 * The compliance reads as the API (and the console) shows them, each a {@code *Queries} taking the caller's
 * {@link io.heed.compliance.ComplianceFilter} and returning records: one campaign's dashboard by region,
 * department or country ({@link io.heed.compliance.dashboard.CampaignDashboardQueries}, from the counters), every
 * campaign by region ({@code ComplianceOverviewQueries}, from the counters), one employee across campaigns
 * ({@code EmployeeComplianceQueries}, from their recipient rows and answers). Owns no table.
 *
 * <p>Offers the console {@code EmployeeComplianceQueries} and its {@code EmployeeCompliance} record (an
 * employee's state in every campaign), and {@code compliance.report} the dashboard read on the report's own snapshot, its {@link
 * io.heed.compliance.dashboard.Dashboard} record and the one completion rate ({@code Dashboard.rate}).
 */
package io.heed.compliance.dashboard;
