package io.heed.compliance;

import io.heed.audit.AuditLog;
import io.heed.delivery.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
public class ReportMail {

    private static final Logger LOG = Logger.getLogger(ReportMail.class);

    /** Outbox kind and stream of report mails. */
    public static final String KIND = "compliance-report";

    public static final String STREAM = "compliance-reports";

    @Inject
    EntityManager entityManager;

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
    public int queue(Instant scheduledAt) {
        Instant run = scheduledAt.truncatedTo(ChronoUnit.SECONDS);
        List<?> campaigns = entityManager
                .createNativeQuery("select distinct c.id from campaign c join compliance_report_recipient r"
                        + " on r.campaign_id = c.id where c.status in ('SENDING', 'ACTIVE', 'PAUSED') order by c.id")
                .getResultList();
        int total = 0;
        for (Object id : campaigns) {
            long campaignId = ((Number) id).longValue();
            int claimed = entityManager
                    .createNativeQuery(
                            "insert into compliance_report_run (campaign_id, scheduled_at, queued, queued_at)"
                                    + " values (?1, ?2, 0, ?3) on conflict do nothing")
                    .setParameter(1, campaignId)
                    .setParameter(2, run)
                    .setParameter(3, clock.instant())
                    .executeUpdate();
            if (claimed == 0) {
                continue;
            }
            int queued = outbox.enqueueSelect(
                    "select '" + KIND + "' as kind, campaign_id || ':' || region as reference, email as to_address,"
                            + " '" + STREAM + "' as stream, cast(null as timestamptz) as due_at"
                            + " from compliance_report_recipient where campaign_id = :campaign",
                    Map.of("campaign", campaignId));
            entityManager
                    .createNativeQuery("update compliance_report_run set queued = ?1 where campaign_id = ?2"
                            + " and scheduled_at = ?3")
                    .setParameter(1, queued)
                    .setParameter(2, campaignId)
                    .setParameter(3, run)
                    .executeUpdate();
            auditLog.record(
                    "heed", "compliance.report-mail.queue", "campaign:" + campaignId, Map.of("messages", queued));
            total += queued;
        }
        return total;
    }
}
