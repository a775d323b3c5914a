package io.heed.compliance.report;

import io.heed.audit.AuditLog;
import io.heed.campaign.CampaignStatus;
import io.heed.delivery.NewMessage;
import io.heed.delivery.Outbox;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The scheduled report mail: on {@code heed.compliance.reports.cron} (weekly by default; once per cluster, Quartz
 * clustered), each report recipient of every running campaign gets the PDF of their region through the delivery
 * outbox. The PDF is rendered when the message is sent ({@link ReportMailComposer}), so it is current then.
 */
@ApplicationScoped
class ReportMail {

    private static final Logger LOG = Logger.getLogger(ReportMail.class);

    /** Outbox kind and stream of report mails. */
    static final String KIND = "compliance-report";

    static final String STREAM = "compliance-reports";

    // Running campaigns (CampaignStatus.RUNNING) that have report recipients.
    private static final NamedSql CAMPAIGNS = NamedSql.of("""
            select distinct c.id
              from campaign c join compliance_report_recipient r on r.campaign_id = c.id
             where c.status = any(:running)
             order by c.id""");

    // Claims the run for the campaign: no row when a replayed run already queued it.
    private static final NamedSql CLAIM = NamedSql.of("""
            insert into compliance_report_run (campaign_id, scheduled_at, queued, queued_at)
            values (:campaign, :run, 0, :now)
            on conflict do nothing""");

    private static final NamedSql RECIPIENTS = NamedSql.of("""
            select region, email from compliance_report_recipient where campaign_id = :campaign""");

    private static final NamedSql QUEUED = NamedSql.of("""
            update compliance_report_run set queued = :queued where campaign_id = :campaign and scheduled_at = :run""");

    @Inject
    Database database;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "compliance-report-mail",
            cron = "${heed.compliance.reports.cron:0 0 6 ? * MON}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        int queued = queue(execution.getScheduledFireTime());
        if (queued > 0) {
            LOG.infof("Queued %d compliance report mail(s)", queued);
        }
    }

    /**
     * Queues the report mails of one scheduled run (identified by its scheduled time: a run replayed after a
     * misfire queues nothing again) for every running campaign with report recipients; returns how many.
     */
    @Transactional
    int queue(Instant scheduledAt) {
        Instant run = scheduledAt.truncatedTo(ChronoUnit.SECONDS);
        List<Long> campaigns =
                database.list(CAMPAIGNS, Params.of("running", CampaignStatus.RUNNING), r -> r.getLong("id"));
        int total = 0;
        for (long campaignId : campaigns) {
            Params campaignRun = Params.of("campaign", campaignId).and("run", run);
            if (database.update(CLAIM, campaignRun.and("now", clock.instant())) == 0) {
                continue;
            }
            List<NewMessage> messages = database.list(
                    RECIPIENTS,
                    campaignRun,
                    r -> new NewMessage(
                            KIND,
                            new ReportMailReference(campaignId, r.string("region")).text(),
                            r.string("email"),
                            STREAM,
                            null,
                            false));
            messages.forEach(outbox::enqueue);
            database.update(QUEUED, campaignRun.and("queued", messages.size()));
            auditLog.record(
                    "heed",
                    "compliance.report-mail.queue",
                    "campaign:" + campaignId,
                    Map.of("messages", messages.size()));
            total += messages.size();
        }
        return total;
    }
}
