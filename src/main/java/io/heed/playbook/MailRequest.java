package io.heed.playbook;

import java.util.Locale;

/**
 * Everything one e-mail of a playbook version is rendered from ({@link PlaybookCatalogue#render}).
 *
 * @param versionId the playbook version (pinned at launch)
 * @param locale the reader's language; the version's closest translation is used, else English
 * @param link the reader's personal link (or a placeholder for previews)
 * @param deadline the deadline already formatted for the reader, or null
 * @param campaign the campaign's name
 * @param reminder 0 for the invitation, 1 for the first reminder, …
 */
public record MailRequest(
        long versionId,
        MessageKind kind,
        Locale locale,
        MailView.Person recipient,
        String link,
        String deadline,
        String campaign,
        int reminder) {}
