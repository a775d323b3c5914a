package io.heed.campaign;

import io.heed.playbook.MailRequest;
import io.heed.playbook.MailView;
import io.heed.playbook.MessageKind;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.playbook.PlaybookVersion;
import io.heed.playbook.RenderedMessage;
import io.heed.security.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * One reader's e-mail of a campaign, rendered from a playbook version: the one place that fills a
 * {@link MailRequest} for a campaign (the reader, the link, the deadline in the reader's zone and language).
 * Delivery ({@link CampaignMailComposer}), the preview ({@link PreviewInvitation}) and test sends all render
 * through it.
 */
@ApplicationScoped
class RecipientMail {

    /** The placeholder a preview or test send shows instead of a personal link. */
    static final String PLACEHOLDER_TOKEN = "PREVIEW";

    /**
     * Whom a message is written for: a recipient's launch-time snapshot, an employee of the directory, or a
     * sample reader.
     *
     * @param deadlineAt the end of their deadline day, as recipients store it; null: no deadline
     */
    record Reader(String name, String email, String locale, String timeZone, Instant deadlineAt) {

        static Reader of(Recipient r) {
            return new Reader(r.name, r.email, r.locale, r.timeZone, r.deadlineAt);
        }

        /** Someone who is not a recipient (yet): their region's deadline, as a launch would store it. */
        static Reader notYetRecipient(
                Campaign campaign, String name, String email, String locale, String timeZone, String region) {
            return new Reader(name, email, locale, timeZone, deadlineOf(campaign.deadlineFor(region), timeZone));
        }
    }

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    LinkTokens linkTokens;

    /** A launched campaign's invitation ({@code reminder} 0) or n-th reminder to a recipient, with their link. */
    RenderedMessage render(Campaign campaign, Recipient recipient, MessageKind kind, int reminder) {
        return render(
                campaign, campaign.playbookVersionId, kind, reminder, Reader.of(recipient), personalLink(recipient));
    }

    RenderedMessage render(
            Campaign campaign, long versionId, MessageKind kind, int reminder, Reader reader, String link) {
        return playbooks.render(new MailRequest(
                versionId,
                kind,
                Locale.forLanguageTag(reader.locale()),
                new MailView.Person(reader.name(), reader.email()),
                link,
                deadlineText(reader.deadlineAt(), reader.timeZone(), reader.locale()),
                campaign.name,
                reminder));
    }

    /** The version the campaign's mail is rendered from: the pinned one once launched, else the latest. */
    Optional<PlaybookVersion> version(Campaign campaign) {
        return campaign.playbookVersionId != null
                ? Optional.of(playbooks.version(campaign.playbookVersionId))
                : playbooks.latest(campaign.playbookKey);
    }

    String personalLink(Recipient recipient) {
        return linkTokens.link(recipient.id, recipient.linkNonce);
    }

    String placeholderLink() {
        return linkTokens.pageUrl(PLACEHOLDER_TOKEN);
    }

    /**
     * The end of the deadline day in the reader's zone, as a launch stores it on recipients (the launch computes
     * the same in SQL, {@code snapshot-audience.sql}, for the whole audience at once).
     */
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
