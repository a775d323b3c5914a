package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.directory.Employee;
import io.heed.platform.EmailAddresses;
import io.heed.platform.error.Refusal;
import io.heed.playbook.MessageKind;
import io.heed.playbook.PlaybookVersion;
import io.heed.playbook.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/**
 * The invitation as one employee would receive it, for the admin who checks a campaign. Before launch: the
 * employee's directory data, the latest playbook version and a placeholder link. After: their recipient snapshot,
 * the pinned version and their real personal link; that preview is audited, since the link lets its holder
 * answer for them.
 */
@ApplicationScoped
public class PreviewInvitation {

    /** A rendered invitation as the preview shows it. */
    public record Preview(
            String to,
            String locale,
            int playbookVersion,
            String link,
            boolean linkIsPlaceholder,
            String subject,
            String text,
            String html) {}

    @Inject
    RecipientMail mail;

    @Inject
    AuditLog auditLog;

    @Transactional
    public Preview preview(long campaignId, String email, String actor) {
        Campaign campaign = Campaign.require(campaignId);
        if (email == null || email.isBlank()) {
            throw Refusal.invalid("email: required.");
        }
        Optional<Recipient> recipient =
                campaign.launchedAt == null ? Optional.empty() : Recipient.find(campaignId, EmailAddresses.key(email));
        if (recipient.isPresent()) {
            return personal(campaign, recipient.get(), actor);
        }
        Employee employee = Employee.findByEmail(email)
                .orElseThrow(() -> Refusal.notFound("No employee " + email + " in the directory."));
        PlaybookVersion version = mail.version(campaign)
                .orElseThrow(() -> Refusal.conflict("The playbook '" + campaign.playbookKey + "' no longer exists."));
        RecipientMail.Reader reader = RecipientMail.Reader.notYetRecipient(
                campaign, employee.name, employee.email, employee.locale, employee.timeZone, employee.region);
        String link = mail.placeholderLink();
        RenderedMessage m = mail.render(campaign, version.id, MessageKind.INVITATION, 0, reader, link);
        return new Preview(
                employee.email, employee.locale, version.version, link, true, m.subject(), m.text(), m.html());
    }

    private Preview personal(Campaign campaign, Recipient r, String actor) {
        RenderedMessage m = mail.render(campaign, r, MessageKind.INVITATION, 0);
        auditLog.record(
                actor,
                "campaign.preview-personal-link",
                Campaign.auditTarget(campaign.id),
                Map.of("recipient", r.email));
        return new Preview(
                r.email,
                r.locale,
                mail.version(campaign).orElseThrow().version,
                mail.personalLink(r),
                false,
                m.subject(),
                m.text(),
                m.html());
    }
}
