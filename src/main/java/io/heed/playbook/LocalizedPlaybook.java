package io.heed.playbook;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.List;

/**
 * A playbook version's text in one language, as e-mails and the employee page show it. Built by
 * {@link PlaybookCatalogue#localized}; untranslated fields are English.
 *
 * @param locale the language actually used (e.g. {@code de} for a {@code de-CH} reader without Swiss text)
 */
@TemplateData
public record LocalizedPlaybook(
        long versionId,
        String key,
        int version,
        String locale,
        String title,
        String summary,
        String whyItMatters,
        String source,
        String appliesIf,
        String notApplicableLabel,
        List<Step> steps,
        List<Deadline> jurisdictionDeadlines) {

    /** One step. {@code instructionsHtml} is the Markdown rendered with raw HTML escaped, safe to embed. */
    @TemplateData
    public record Step(
            String key,
            String title,
            String instructions,
            RawString instructionsHtml,
            String url,
            boolean notApplicableAllowed) {}

    @TemplateData
    public record Deadline(String appliesTo, List<String> countries, LocalDate date, String note) {}

    /** True when the reader can answer "this does not apply to me" for the whole playbook. */
    public boolean wholeNotApplicableAllowed() {
        return notApplicableLabel != null && !notApplicableLabel.isBlank();
    }

    public Step step(String stepKey) {
        return steps.stream().filter(s -> s.key().equals(stepKey)).findFirst().orElse(null);
    }
}
