package io.heed.campaign;

import io.heed.delivery.ComposedMail;
import io.heed.directory.Employee;
import io.heed.platform.Languages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one summary a manager gets of their reports still open in a campaign, rendered when it is sent. */
@ApplicationScoped
class EscalationMail {

    /** A report still open, as listed to their manager. */
    record OpenReport(String name, String email) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance escalationHtml(
                String lang, String manager, String campaign, int days, List<OpenReport> reports);

        static native TemplateInstance escalationText(
                String manager, String campaign, int days, List<OpenReport> reports);
    }

    @Transactional
    Optional<ComposedMail> compose(long escalationId) {
        CampaignEscalation escalation = CampaignEscalation.findById(escalationId);
        Campaign campaign = escalation == null ? null : Campaign.findById(escalation.campaignId);
        if (campaign == null || !campaign.running()) {
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
        // The manager's language if Heed's own texts exist in it, else the default.
        String lang = Languages.of(manager.map(m -> m.locale).orElse(null));
        Locale locale = Locale.forLanguageTag(lang);
        int days = campaign.escalateAfterDays;
        String subject = Languages.bundle(EscalationText.class, lang).subject(campaign.name);
        return Optional.of(new ComposedMail(
                name,
                subject,
                Templates.escalationText(name, campaign.name, days, reports)
                        .setLocale(locale)
                        .render(),
                Templates.escalationHtml(lang, name, campaign.name, days, reports)
                        .setLocale(locale)
                        .render()));
    }
}
