package io.heed.console.campaign.detail;

import io.heed.compliance.dashboard.Dashboard;
import io.heed.security.RegionScope;
import java.time.Instant;

/** The numbers the live panel shows, within one region scope, as of one read of the counters. */
record Live(
        long campaignId,
        long recipients,
        long queued,
        long sent,
        long failed,
        long visited,
        long completed,
        long overdue,
        double rate,
        Instant asOf) {

    /** The numbers of {@code dashboard} (grouped by region, read for everyone) that {@code scope} may see. */
    static Live of(long campaignId, Dashboard dashboard, RegionScope scope) {
        if (scope.unrestricted()) {
            return of(campaignId, dashboard.totals(), dashboard.asOf());
        }
        long recipients = 0, sent = 0, failed = 0, visited = 0, completed = 0, overdue = 0;
        for (Dashboard.Group group : dashboard.groups()) {
            if (group.key() != null && scope.allows(group.key())) {
                recipients += group.recipients();
                sent += group.sent();
                failed += group.failed();
                visited += group.visited();
                completed += group.completed();
                overdue += group.overdue();
            }
        }
        return new Live(
                campaignId,
                recipients,
                Math.max(0, recipients - sent - failed),
                sent,
                failed,
                visited,
                completed,
                overdue,
                Dashboard.rate(completed, recipients),
                dashboard.asOf());
    }

    static Live of(long campaignId, Dashboard.Group totals, Instant asOf) {
        return new Live(
                campaignId,
                totals.recipients(),
                Math.max(0, totals.recipients() - totals.sent() - totals.failed()),
                totals.sent(),
                totals.failed(),
                totals.visited(),
                totals.completed(),
                totals.overdue(),
                totals.completionRate(),
                asOf);
    }
}
