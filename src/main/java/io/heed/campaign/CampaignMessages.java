package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.delivery.ComposedMail;
import io.heed.delivery.MessageComposer;
import io.heed.delivery.NewMessage;
import io.heed.delivery.Outbox;
import io.heed.delivery.QueuedMessage;
import io.heed.directory.Employee;
import io.heed.platform.EmailAddresses;
import io.heed.platform.LanguageTags;
import io.heed.platform.error.Refusal;
import io.heed.playbook.MailRequest;
import io.heed.playbook.MailView;
import io.heed.playbook.MessageKind;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.playbook.PlaybookVersion;
import io.heed.playbook.RenderedMessage;
import io.heed.security.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a campaign's e-mails: for delivery when a message is due (invitations, reminders, test sends) and
 * for the preview. Always from the pinned playbook version once launched, in the reader's language, with their
 * personal link and deadline.
 */
@ApplicationScoped
public class CampaignMessages implements MessageComposer {

    public static final String INVITATION = "invitation";
    public static final String REMINDER = "reminder";
    public static final String TEST = "campaign-test";

    /** A rendered message as the preview shows it. */
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
    PlaybookCatalogue playbooks;

    @Inject
    LinkTokens linkTokens;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    EscalationMail escalations;

    @Override
    public boolean handles(String kind) {
        return INVITATION.equals(kind)
                || REMINDER.equals(kind)
                || TEST.equals(kind)
                || CampaignFollowUps.ESCALATION.equals(kind);
    }

    @Override
    @Transactional
    public Optional<ComposedMail> compose(QueuedMessage message) {
        if (CampaignFollowUps.ESCALATION.equals(message.kind())) {
            return escalations.compose(Long.parseLong(message.reference().substring("escalation:".length())));
        }
        if (TEST.equals(message.kind())) {
            return composeTest(Long.parseLong(message.reference().substring("test-send:".length())));
        }
        // recipient:<id> for an invitation, recipient:<id>:reminder:<n> for the n-th reminder
        String[] parts = message.reference().split(":");
        Recipient recipient = Recipient.findById(Long.parseLong(parts[1]));
        Campaign campaign = recipient == null ? null : Campaign.findById(recipient.campaignId);
        if (campaign == null || !campaign.status.isRunning()) {
            return Optional.empty(); // cancelled or closed since it was queued
        }
        boolean reminder = REMINDER.equals(message.kind());
        if (reminder && recipient.completedAt != null) {
            return Optional.empty(); // done in the meantime: no nagging
        }
        RenderedMessage rendered = render(
                campaign,
                campaign.playbookVersionId,
                recipient,
                reminder ? MessageKind.REMINDER : MessageKind.INVITATION,
                reminder ? Integer.parseInt(parts[3]) : 0);
        return Optional.of(new ComposedMail(recipient.name, rendered.subject(), rendered.text(), rendered.html()));
    }

    /**
     * The invitation as {@code email} would receive it. Before launch: the employee's directory data, the latest
     * playbook version and a placeholder link. After: their recipient snapshot, the pinned version and their real
     * personal link; that preview is audited, since the link lets its holder answer for them.
     */
    @Transactional
    public Preview preview(long campaignId, String email, String actor) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(campaignId)
                .orElseThrow(() -> Refusal.notFound("No campaign " + campaignId + "."));
        if (email == null || email.isBlank()) {
            throw Refusal.invalid("email: required.");
        }
        Optional<Recipient> recipient =
                campaign.launchedAt == null ? Optional.empty() : Recipient.find(campaignId, EmailAddresses.key(email));
        if (recipient.isPresent()) {
            Recipient r = recipient.get();
            RenderedMessage m = render(campaign, campaign.playbookVersionId, r, MessageKind.INVITATION, 0);
            auditLog.record(
                    actor, "campaign.preview-personal-link", "campaign:" + campaignId, Map.of("recipient", r.email));
            return new Preview(
                    r.email,
                    r.locale,
                    PlaybookVersion.<PlaybookVersion>findById(campaign.playbookVersionId).version,
                    linkTokens.link(r.id, r.linkNonce),
                    false,
                    m.subject(),
                    m.text(),
                    m.html());
        }
        Employee employee = Employee.findByEmail(email)
                .orElseThrow(() -> Refusal.notFound("No employee " + email + " in the directory."));
        PlaybookVersion version = campaign.playbookVersionId != null
                ? PlaybookVersion.findById(campaign.playbookVersionId)
                : PlaybookVersion.latest(campaign.playbookKey)
                        .orElseThrow(() ->
                                Refusal.conflict("The playbook '" + campaign.playbookKey + "' no longer exists."));
        String link = placeholderLink();
        RenderedMessage m = playbooks.render(new MailRequest(
                version.id,
                MessageKind.INVITATION,
                Locale.forLanguageTag(employee.locale),
                new MailView.Person(employee.name, employee.email),
                link,
                deadlineText(
                        deadlineOf(campaign.deadlineFor(employee.region), employee.timeZone),
                        employee.timeZone,
                        employee.locale),
                campaign.name,
                0));
        return new Preview(
                employee.email, employee.locale, version.version, link, true, m.subject(), m.text(), m.html());
    }

    /** Queues a test send of the invitation to {@code to}, filled with {@code asEmployee}'s data or a sample reader. */
    @Transactional
    public long testSend(long campaignId, String to, String asEmployee, String locale, String actor) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(campaignId)
                .orElseThrow(() -> Refusal.notFound("No campaign " + campaignId + "."));
        if (!EmailAddresses.isValid(to == null ? null : to.trim())) {
            throw Refusal.invalid("to: a valid e-mail address is required.");
        }
        if (asEmployee != null && Employee.findByEmail(asEmployee).isEmpty()) {
            throw Refusal.invalid("asEmployee: no employee " + asEmployee + " in the directory.");
        }
        if (locale != null && !LanguageTags.isValid(locale)) {
            throw Refusal.invalid("locale: '" + locale + "' is not a BCP 47 language tag.");
        }
        CampaignTestSend send = new CampaignTestSend();
        send.campaignId = campaignId;
        send.toAddress = to.trim();
        send.asEmployeeEmail = asEmployee;
        send.locale = locale != null
                ? locale
                : asEmployee != null ? Employee.findByEmail(asEmployee).get().locale : "en";
        send.createdBy = actor;
        send.createdAt = clock.instant();
        send.persist();
        outbox.enqueue(new NewMessage(
                TEST, "test-send:" + send.id, send.toAddress, "test:" + campaign.id, send.createdAt, true));
        auditLog.record(actor, "campaign.test-send", "campaign:" + campaignId, Map.of("to", send.toAddress));
        return send.id;
    }

    private Optional<ComposedMail> composeTest(long testSendId) {
        CampaignTestSend send = CampaignTestSend.findById(testSendId);
        Campaign campaign = send == null ? null : Campaign.findById(send.campaignId);
        if (campaign == null) {
            return Optional.empty();
        }
        long versionId = campaign.playbookVersionId != null
                ? campaign.playbookVersionId
                : PlaybookVersion.latest(campaign.playbookKey).map(v -> v.id).orElse(-1L);
        if (versionId < 0) {
            return Optional.empty();
        }
        Optional<Employee> as = Optional.ofNullable(send.asEmployeeEmail).flatMap(Employee::findByEmail);
        String name = as.map(e -> e.name).orElse("Alex Example");
        String zone = as.map(e -> e.timeZone).orElse("UTC");
        String region = as.map(e -> e.region).orElse(Campaign.WILDCARD_REGION);
        RenderedMessage m = playbooks.render(new MailRequest(
                versionId,
                MessageKind.INVITATION,
                Locale.forLanguageTag(send.locale),
                new MailView.Person(name, send.toAddress),
                placeholderLink(),
                deadlineText(deadlineOf(campaign.deadlineFor(region), zone), zone, send.locale),
                campaign.name,
                0));
        return Optional.of(new ComposedMail(name, "[TEST] " + m.subject(), m.text(), m.html()));
    }

    private RenderedMessage render(Campaign campaign, long versionId, Recipient r, MessageKind kind, int reminder) {
        return playbooks.render(new MailRequest(
                versionId,
                kind,
                r.locale(),
                new MailView.Person(r.name, r.email),
                linkTokens.link(r.id, r.linkNonce),
                deadlineText(r.deadlineAt, r.timeZone, r.locale),
                campaign.name,
                reminder));
    }

    private String placeholderLink() {
        return linkTokens.pageUrl("PREVIEW");
    }

    /** The end of the deadline day in the reader's zone, as stored on recipients. */
    static Instant deadlineOf(LocalDate date, String zone) {
        return date == null
                ? null
                : date.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    /** "15 December 2026" / "15. Dezember 2026": the deadline day in the reader's zone and language. */
    static String deadlineText(Instant deadlineAt, String zone, String locale) {
        if (deadlineAt == null) {
            return null;
        }
        LocalDate day = deadlineAt.minusNanos(1).atZone(ZoneId.of(zone)).toLocalDate();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(locale))
                .format(day);
    }
}
