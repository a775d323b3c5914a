package io.heed.campaign;

import io.heed.delivery.ComposedMail;
import io.heed.directory.Employee;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one summary a manager gets of their reports still open in a campaign, rendered when it is sent. */
@ApplicationScoped
public class EscalationMail {

    /** A report still open, as listed to their manager. */
    public record OpenReport(String name, String email) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance escalationHtml(
                String lang, String manager, String campaign, int days, List<OpenReport> reports);

        static native TemplateInstance escalationText(
                String manager, String campaign, int days, List<OpenReport> reports);
    }

    @Inject
    EscalationText english;

    @Inject
    @Localized("de")
    EscalationText german;

    @Transactional
    Optional<ComposedMail> compose(long escalationId) {
        CampaignEscalation escalation = CampaignEscalation.findById(escalationId);
        Campaign campaign = escalation == null ? null : Campaign.findById(escalation.campaignId);
        if (campaign == null || !campaign.status.isRunning()) {
            return Optional.empty();
        }
        List<OpenReport> reports = Recipient.<Recipient>list(
                        "campaignId = ?1 and lower(managerEmail) = ?2 and completedAt is null order by name",
                        campaign.id,
                        escalation.managerEmailKey)
                .stream()
                .map(r -> new OpenReport(r.name, r.email))
                .toList();
        if (reports.isEmpty()) {
            return Optional.empty(); // everyone finished before the summary went out
        }
        Optional<Employee> manager = Employee.findByEmail(escalation.managerEmail);
        String name = manager.map(m -> m.name).orElse(escalation.managerEmail);
        Locale locale = Locale.forLanguageTag(manager.map(m -> m.locale).orElse("en"));
        int days = campaign.escalateAfterDays;
        // German managers read German; everyone else English (the languages Heed's own texts exist in).
        if (!locale.getLanguage().equals("de")) {
            locale = Locale.ENGLISH;
        }
        String subject = (locale.getLanguage().equals("de") ? german : english).subject(campaign.name);
        return Optional.of(new ComposedMail(
                name,
                subject,
                Templates.escalationText(name, campaign.name, days, reports)
                        .setLocale(locale)
                        .render(),
                Templates.escalationHtml(locale.getLanguage(), name, campaign.name, days, reports)
                        .setLocale(locale)
                        .render()));
    }
}
