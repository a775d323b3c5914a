package io.heed.compliance.report;

import io.heed.audit.AuditLog;
import io.heed.compliance.CampaignFactsQueries;
import io.heed.compliance.ComplianceFilter;
import io.heed.platform.EmailAddresses;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who receives a campaign's compliance report by mail: addresses per region, or per {@code *} for the whole
 * campaign. Each receives the PDF of their region only. Set as a whole (an admin action, audited); changeable at
 * any time, including while the campaign runs.
 */
@ApplicationScoped
public class ReportRecipients {

    /** The region key of those who receive the report of every region. */
    static final String ALL_REGIONS = "*";

    static final int MAX_ADDRESSES = 200;

    private static final NamedSql LIST = NamedSql.of("""
            select region, email from compliance_report_recipient
             where campaign_id = :campaign
             order by region, email_key""");

    private static final NamedSql CLEAR = NamedSql.of("""
            delete from compliance_report_recipient where campaign_id = :campaign""");

    private static final NamedSql ADD = NamedSql.of("""
            insert into compliance_report_recipient (campaign_id, region, email, email_key, added_by, added_at)
            values (:campaign, :region, :email, :emailKey, :actor, :now)
            on conflict do nothing""");

    @Inject
    CampaignFactsQueries campaigns;

    @Inject
    Database database;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /** What a report recipient of {@code region} receives: that region's report, or every region's for {@code *}. */
    static ComplianceFilter filter(String region) {
        return ALL_REGIONS.equals(region)
                ? ComplianceFilter.EVERYTHING
                : new ComplianceFilter(Optional.of(Set.of(region)), Optional.empty(), RegionScope.only(Set.of(region)));
    }

    /** Region → addresses, sorted; an officer sees their regions' entries only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<String>> get(long campaignId, RegionScope scope) {
        campaigns.facts(campaignId);
        Map<String, List<String>> result = new TreeMap<>();
        List<String[]> rows = database.list(
                LIST, Params.of("campaign", campaignId), r -> new String[] {r.string("region"), r.string("email")});
        for (String[] row : rows) {
            String region = row[0];
            if (scope.unrestricted() || (!ALL_REGIONS.equals(region) && scope.allows(region))) {
                result.computeIfAbsent(region, k -> new ArrayList<>()).add(row[1]);
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
        Params campaign = Params.of("campaign", campaignId);
        database.update(CLEAR, campaign);
        for (var entry : recipients.entrySet()) {
            for (String email : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                database.update(
                        ADD,
                        campaign.and("region", entry.getKey())
                                .and("email", email.trim())
                                .and("emailKey", EmailAddresses.key(email))
                                .and("actor", actor)
                                .and("now", now));
            }
        }
        Map<String, List<String>> stored = get(campaignId, RegionScope.ALL);
        auditLog.record(
                actor, "compliance.report-recipients.set", "campaign:" + campaignId, Map.of("recipients", stored));
        return stored;
    }
}
