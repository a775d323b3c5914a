package io.heed.playbook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A playbook as its author writes it: {@code playbook.yaml} in {@code templates/playbooks/<key>/}, or the
 * JSON body of {@code POST /api/v1/playbooks} (same fields, plus the template bodies). English text at the
 * top level, other languages under {@code translations}; anything not translated falls back to English.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record PlaybookDefinition(
        String key,
        String title,
        String summary,
        String whyItMatters,
        /** Who advised it, e.g. the CISO post it came from. */
        String source,
        /** Completes "This applies to you if …", e.g. "you have a LinkedIn account". */
        String appliesIf,
        /** The whole-playbook "not applicable" answer, e.g. "I have no LinkedIn account"; needs appliesIf. */
        String notApplicableLabel,
        /** E-mail subjects by message kind: invitation, reminder. */
        Map<String, String> subjects,
        List<Step> steps,
        List<JurisdictionDeadline> jurisdictionDeadlines,
        /** By BCP 47 language tag. */
        Map<String, Translation> translations) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String key, String title, String instructions, String url, Boolean notApplicableAllowed) {
        public boolean allowsNotApplicable() {
            return Boolean.TRUE.equals(notApplicableAllowed);
        }
    }

    /** A date an authority or the platform set for some jurisdictions; recorded, not enforced. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JurisdictionDeadline(String appliesTo, List<String> countries, LocalDate date, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Translation(
            String title,
            String summary,
            String whyItMatters,
            String appliesIf,
            String notApplicableLabel,
            Map<String, String> subjects,
            Map<String, StepTranslation> steps) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepTranslation(String title, String instructions) {}

    public List<String> stepKeys() {
        return steps == null ? List.of() : steps.stream().map(Step::key).toList();
    }
}
