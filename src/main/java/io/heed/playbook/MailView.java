package io.heed.playbook;

import io.quarkus.qute.TemplateData;

/**
 * Everything a playbook's e-mail template can use. Playbook templates see it as top-level names:
 * {@code {recipient.name}}, {@code {playbook.title}}, {@code {#for step in playbook.steps}}, {@code {link}},
 * {@code {deadline}} (already formatted for the reader, or null), {@code {campaign}}, {@code {reminder}}
 * (0 for the invitation, 1 for the first reminder …). HTML templates escape every value.
 */
@TemplateData
public record MailView(
        Person recipient, LocalizedPlaybook playbook, String link, String deadline, String campaign, int reminder) {

    @TemplateData
    public record Person(String name, String email) {}
}
