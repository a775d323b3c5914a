package io.heed.compliance;

import io.heed.audit.AuditLog;
import io.heed.platform.EmailAddresses;
import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who receives a campaign's compliance report by mail: addresses per region, or per {@code *} for the whole
 * campaign. Each receives the PDF of their region only. Set as a whole (an admin action, audited); changeable at
 * any time, including while the campaign runs.
 */
@ApplicationScoped
public class ReportRecipients {

    /** The region key of those who receive the report of every region. */
    public static final String ALL_REGIONS = "*";

    static final int MAX_ADDRESSES = 200;

    @Inject
    ComplianceCampaigns campaigns;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /** Region → addresses, sorted; an officer sees their regions' entries only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<String>> get(long campaignId, RegionScope scope) {
        campaigns.facts(campaignId);
        Map<String, List<String>> result = new TreeMap<>();
        List<?> rows = entityManager
                .createNativeQuery("select region, email from compliance_report_recipient where campaign_id = ?1"
                        + " order by region, email_key")
                .setParameter(1, campaignId)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String region = (String) r[0];
            if (scope.unrestricted() || (!ALL_REGIONS.equals(region) && scope.allows(region))) {
                result.computeIfAbsent(region, k -> new ArrayList<>()).add((String) r[1]);
            }
        }
        return result;
    }

    /** Replaces the campaign's report recipients. @throws Refusal invalid listing every bad entry */
    @Transactional
    public Map<String, List<String>> set(long campaignId, Map<String, List<String>> recipients, String actor) {
        campaigns.facts(campaignId);
        if (recipients == null) {
            throw Refusal.invalid("A JSON body is required: {\"EMEA\": [\"officer@example.com\"], \"*\": [...]}.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        int count = 0;
        for (var entry : recipients.entrySet()) {
            String region = entry.getKey();
            if (region == null || region.isBlank() || !region.equals(region.trim())) {
                problems.add(new FieldProblem("'" + region + "'", "not a region name"));
                continue;
            }
            for (String email : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                count++;
                if (email == null || !EmailAddresses.isValid(email.trim())) {
                    problems.add(new FieldProblem(region, "'" + email + "' is not a valid e-mail address"));
                }
            }
        }
        if (count > MAX_ADDRESSES) {
            problems.add(new FieldProblem("recipients", "at most " + MAX_ADDRESSES + " addresses"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The report recipients have invalid entries.", problems);
        }
        Instant now = clock.instant();
        entityManager
                .createNativeQuery("delete from compliance_report_recipient where campaign_id = ?1")
                .setParameter(1, campaignId)
                .executeUpdate();
        for (var entry : recipients.entrySet()) {
            for (String email : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                entityManager
                        .createNativeQuery("insert into compliance_report_recipient"
                                + " (campaign_id, region, email, email_key, added_by, added_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, campaignId)
                        .setParameter(2, entry.getKey())
                        .setParameter(3, email.trim())
                        .setParameter(4, EmailAddresses.key(email))
                        .setParameter(5, actor)
                        .setParameter(6, now)
                        .executeUpdate();
            }
        }
        Map<String, List<String>> stored = get(campaignId, RegionScope.ALL);
        auditLog.record(
                actor, "compliance.report-recipients.set", "campaign:" + campaignId, Map.of("recipients", stored));
        return stored;
    }
}
