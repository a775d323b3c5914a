package io.heed.compliance;

import io.heed.campaign.Campaign;
import io.heed.platform.error.Refusal;
import io.heed.playbook.LocalizedPlaybook;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.playbook.PlaybookVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads a campaign's {@link CampaignFacts}, for the dashboards and the reports. */
@ApplicationScoped
public class CampaignFactsQueries {

    @Inject
    PlaybookCatalogue playbooks;

    /** @throws Refusal not found when there is no such campaign */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignFacts facts(long campaignId) {
        Campaign c = Campaign.<Campaign>findByIdOptional(campaignId)
                .orElseThrow(() -> Refusal.notFound("No campaign " + campaignId + "."));
        Long versionId = c.playbookVersionId;
        if (versionId == null) {
            versionId = PlaybookVersion.latest(c.playbookKey).map(v -> v.id).orElse(null);
        }
        LocalizedPlaybook playbook = versionId == null ? null : playbooks.localized(versionId, Locale.ENGLISH);
        Map<String, java.time.LocalDate> deadlines = new TreeMap<>(c.deadlines);
        return new CampaignFacts(
                c.id,
                c.name,
                c.status,
                c.playbookKey,
                playbook == null ? c.playbookKey : playbook.title(),
                playbook == null ? 0 : playbook.version(),
                playbook == null
                        ? java.util.List.of()
                        : playbook.steps().stream()
                                .map(s -> new CampaignFacts.Step(s.key(), s.title()))
                                .toList(),
                c.audience,
                deadlines,
                c.createdAt,
                c.createdBy,
                c.sendAt,
                c.launchedAt,
                c.allSentAt,
                c.endedAt);
    }
}
