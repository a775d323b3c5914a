package io.heed.console.playbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.heed.console.FormErrors;
import io.heed.playbook.DraftFromAdvisory;
import io.heed.playbook.PlaybookDefinition;
import io.heed.playbook.PlaybookQueries;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the edit form holds, as entered: the playbook's texts, its steps, deadlines and templates as rows, and the
 * translations as YAML. Converts to the {@link PlaybookDefinition} the use case checks, and back from a stored
 * version or a draft. Field names are the validator's ({@code title}, {@code steps[0].title},
 * {@code jurisdictionDeadlines[1].date}, {@code templates.invitation.html}) so a refusal lands beside its field.
 */
record PlaybookForm(
        boolean isNew,
        Integer baseVersion,
        String key,
        String title,
        String summary,
        String whyItMatters,
        String source,
        String appliesIf,
        String notApplicableLabel,
        String subjectInvitation,
        String subjectReminder,
        List<StepRow> steps,
        List<DeadlineRow> deadlines,
        List<TemplateRow> templates,
        String translations) {

    record StepRow(int index, String key, String title, String instructions, String url, boolean notApplicable) {
        public String field(String name) {
            return "steps[" + index + "]." + name;
        }

        public int number() {
            return index + 1;
        }
    }

    record DeadlineRow(int index, String appliesTo, String countries, String date, String note) {
        public String field(String name) {
            return "jurisdictionDeadlines[" + index + "]." + name;
        }

        public int number() {
            return index + 1;
        }
    }

    record TemplateRow(int index, String file, String body) {
        public boolean html() {
            return file.endsWith(".html");
        }

        public String field() {
            return "templates." + file;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(
                    new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static PlaybookForm of(PlaybookQueries.PlaybookDetail detail) {
        PlaybookDefinition d = detail.definition();
        List<StepRow> steps = new ArrayList<>();
        for (var s : d.steps()) {
            steps.add(
                    new StepRow(steps.size(), s.key(), s.title(), s.instructions(), s.url(), s.allowsNotApplicable()));
        }
        List<DeadlineRow> deadlines = new ArrayList<>();
        if (d.jurisdictionDeadlines() != null) {
            for (var j : d.jurisdictionDeadlines()) {
                deadlines.add(new DeadlineRow(
                        deadlines.size(),
                        j.appliesTo(),
                        j.countries() == null ? "" : String.join(", ", j.countries()),
                        j.date() == null ? "" : j.date().toString(),
                        j.note()));
            }
        }
        return new PlaybookForm(
                false,
                detail.version(),
                d.key(),
                d.title(),
                d.summary(),
                d.whyItMatters(),
                d.source(),
                d.appliesIf(),
                d.notApplicableLabel(),
                d.subjects() == null ? "" : d.subjects().get("invitation"),
                d.subjects() == null ? "" : d.subjects().get("reminder"),
                steps,
                deadlines,
                rows(detail.templates()),
                yaml(d.translations()));
    }

    static PlaybookForm blank(Map<String, String> starterTemplates) {
        return new PlaybookForm(
                true,
                null,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                List.of(new StepRow(0, "", "", "", "", false)),
                List.of(),
                rows(starterTemplates),
                "");
    }

    static PlaybookForm of(DraftFromAdvisory.Draft draft, Map<String, String> starterTemplates) {
        List<StepRow> steps = new ArrayList<>();
        for (var s : draft.steps()) {
            String text = s.text();
            steps.add(new StepRow(
                    steps.size(),
                    s.key(),
                    s.title(),
                    text,
                    s.links().isEmpty() ? "" : s.links().get(0),
                    false));
        }
        if (steps.isEmpty()) {
            steps.add(new StepRow(0, "", "", "", "", false));
        }
        List<DeadlineRow> deadlines = new ArrayList<>();
        for (var d : draft.deadlines()) {
            deadlines.add(new DeadlineRow(
                    deadlines.size(),
                    d.appliesTo(),
                    String.join(", ", d.countries()),
                    d.date().toString(),
                    d.note()));
        }
        String title = draft.title();
        return new PlaybookForm(
                true,
                null,
                draft.key(),
                title,
                draft.summary(),
                "",
                "",
                "",
                "",
                title.isEmpty() ? "" : "Action needed: " + title,
                title.isEmpty() ? "" : "Reminder: " + title,
                steps,
                deadlines,
                rows(starterTemplates),
                "");
    }

    /** The form as posted: parallel lists of row fields, in order. */
    static PlaybookForm posted(
            boolean isNew,
            Integer baseVersion,
            Map<String, String> texts,
            List<String> stepKeys,
            List<String> stepTitles,
            List<String> stepInstructions,
            List<String> stepUrls,
            List<String> stepNotApplicable,
            List<String> deadlineAppliesTo,
            List<String> deadlineCountries,
            List<String> deadlineDates,
            List<String> deadlineNotes,
            List<String> templateFiles,
            List<String> templateBodies) {
        List<StepRow> steps = new ArrayList<>();
        int stepCount = max(stepKeys, stepTitles, stepInstructions, stepUrls);
        for (int i = 0; i < stepCount; i++) {
            steps.add(new StepRow(
                    i,
                    at(stepKeys, i),
                    at(stepTitles, i),
                    at(stepInstructions, i),
                    at(stepUrls, i),
                    "yes".equals(at(stepNotApplicable, i))));
        }
        List<DeadlineRow> deadlines = new ArrayList<>();
        int deadlineCount = max(deadlineAppliesTo, deadlineCountries, deadlineDates, deadlineNotes);
        for (int i = 0; i < deadlineCount; i++) {
            deadlines.add(new DeadlineRow(
                    i, at(deadlineAppliesTo, i), at(deadlineCountries, i), at(deadlineDates, i), at(deadlineNotes, i)));
        }
        List<TemplateRow> templates = new ArrayList<>();
        for (int i = 0; i < (templateFiles == null ? 0 : templateFiles.size()); i++) {
            templates.add(new TemplateRow(i, templateFiles.get(i), at(templateBodies, i)));
        }
        return new PlaybookForm(
                isNew,
                baseVersion,
                texts.getOrDefault("key", "").strip(),
                texts.getOrDefault("title", ""),
                texts.getOrDefault("summary", ""),
                texts.getOrDefault("whyItMatters", ""),
                texts.getOrDefault("source", ""),
                texts.getOrDefault("appliesIf", ""),
                texts.getOrDefault("notApplicableLabel", ""),
                texts.getOrDefault("subjectInvitation", ""),
                texts.getOrDefault("subjectReminder", ""),
                steps,
                deadlines,
                templates,
                texts.getOrDefault("translations", ""));
    }

    PlaybookForm withStep() {
        List<StepRow> more = new ArrayList<>(steps);
        more.add(new StepRow(steps.size(), "", "", "", "", false));
        return with(more, deadlines);
    }

    PlaybookForm withoutStep(int index) {
        List<StepRow> fewer = new ArrayList<>();
        for (StepRow s : steps) {
            if (s.index() != index) {
                fewer.add(new StepRow(fewer.size(), s.key(), s.title(), s.instructions(), s.url(), s.notApplicable()));
            }
        }
        return with(fewer, deadlines);
    }

    PlaybookForm withDeadline() {
        List<DeadlineRow> more = new ArrayList<>(deadlines);
        more.add(new DeadlineRow(deadlines.size(), "", "", "", ""));
        return with(steps, more);
    }

    private PlaybookForm with(List<StepRow> steps, List<DeadlineRow> deadlines) {
        return new PlaybookForm(
                isNew,
                baseVersion,
                key,
                title,
                summary,
                whyItMatters,
                source,
                appliesIf,
                notApplicableLabel,
                subjectInvitation,
                subjectReminder,
                steps,
                deadlines,
                templates,
                translations);
    }

    /**
     * The definition the use case checks. What the form itself can tell (a date that is not one, translations
     * that are not YAML) is put in {@code problems}; empty optional texts become absent.
     */
    PlaybookDefinition definition(Map<String, String> problems) {
        List<PlaybookDefinition.Step> stepList = new ArrayList<>();
        for (StepRow s : steps) {
            String stepKey =
                    blank(s.key()) ? derivedKey(s.title(), s.index()) : s.key().strip();
            stepList.add(new PlaybookDefinition.Step(
                    stepKey, empty(s.title()), empty(s.instructions()), empty(s.url()), s.notApplicable()));
        }
        List<PlaybookDefinition.JurisdictionDeadline> deadlineList = new ArrayList<>();
        for (DeadlineRow d : deadlines) {
            if (blank(d.appliesTo()) && blank(d.date()) && blank(d.countries()) && blank(d.note())) {
                continue; // an empty row added and left empty
            }
            LocalDate date = null;
            if (!blank(d.date())) {
                try {
                    date = LocalDate.parse(d.date().strip());
                } catch (DateTimeParseException e) {
                    problems.put("jurisdictionDeadlines[" + d.index() + "].date", "not a date (YYYY-MM-DD)");
                }
            }
            List<String> countries = blank(d.countries())
                    ? null
                    : Arrays.stream(d.countries().split("[,\\s]+"))
                            .filter(c -> !c.isBlank())
                            .map(c -> c.strip().toUpperCase(Locale.ROOT))
                            .toList();
            deadlineList.add(new PlaybookDefinition.JurisdictionDeadline(
                    empty(d.appliesTo()), countries, date, empty(d.note())));
        }
        Map<String, PlaybookDefinition.Translation> translationMap = null;
        if (!blank(translations)) {
            try {
                translationMap = YAML.readValue(
                        translations, new TypeReference<TreeMap<String, PlaybookDefinition.Translation>>() {});
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problems.put(
                        "translations",
                        (line > 0 ? "line " + line + ": " : "")
                                + e.getOriginalMessage().replaceAll(" \\(for .*", ""));
            }
        }
        Map<String, String> subjects = new LinkedHashMap<>();
        if (!blank(subjectInvitation)) {
            subjects.put("invitation", subjectInvitation.strip());
        }
        if (!blank(subjectReminder)) {
            subjects.put("reminder", subjectReminder.strip());
        }
        return new PlaybookDefinition(
                empty(key),
                empty(title),
                empty(summary),
                empty(whyItMatters),
                empty(source),
                empty(appliesIf),
                empty(notApplicableLabel),
                subjects,
                stepList,
                deadlineList.isEmpty() ? null : deadlineList,
                translationMap);
    }

    Map<String, String> templateFiles() {
        Map<String, String> files = new TreeMap<>();
        for (TemplateRow t : templates) {
            files.put(t.file(), t.body() == null ? "" : t.body().replace("\r\n", "\n"));
        }
        return files;
    }

    /** English and every language the translations or templates name: the preview's choices. */
    List<String> languages() {
        java.util.TreeSet<String> others = new java.util.TreeSet<>();
        for (TemplateRow t : templates) {
            String[] parts = t.file().split("\\.");
            if (parts.length == 3) {
                others.add(parts[1]);
            }
        }
        for (String line : (translations == null ? "" : translations).split("\n")) {
            if (line.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]+)*:\\s*")) {
                others.add(line.replace(":", "").strip());
            }
        }
        others.remove("en");
        List<String> all = new ArrayList<>(List.of("en"));
        all.addAll(others);
        return all;
    }

    /** Error messages of the use case's refusal, by this form's field names. */
    static Map<String, String> fieldsOf(FormErrors errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (var entry : errors.fields().entrySet()) {
            if (entry.getKey().equals("playbook")) {
                for (String reason : entry.getValue().split("; ")) {
                    int colon = reason.indexOf(": ");
                    String field = colon > 0 ? reason.substring(0, colon) : "playbook";
                    if (field.startsWith("translations")) {
                        field = "translations";
                    } else if (field.startsWith("subjects.")) {
                        field = field.equals("subjects.reminder") ? "subjectReminder" : "subjectInvitation";
                    } else if (field.equals("subjects")) {
                        field = "subjectInvitation";
                    }
                    String message = colon > 0 ? reason.substring(colon + 2) : reason;
                    fields.merge(field, message, (a, b) -> a + "; " + b);
                }
            } else {
                fields.merge(entry.getKey(), entry.getValue(), (a, b) -> a + "; " + b);
            }
        }
        return fields;
    }

    private static String yaml(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TemplateRow> rows(Map<String, String> templates) {
        List<TemplateRow> rows = new ArrayList<>();
        for (var t : new TreeMap<>(templates).entrySet()) {
            rows.add(new TemplateRow(rows.size(), t.getKey(), t.getValue()));
        }
        return rows;
    }

    private static String derivedKey(String title, int index) {
        String slug = (title == null ? "" : title)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.length() < 2 ? "step-" + (index + 1) : slug;
    }

    private static int max(List<?>... lists) {
        int max = 0;
        for (List<?> l : lists) {
            max = Math.max(max, l == null ? 0 : l.size());
        }
        return max;
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String empty(String s) {
        return blank(s) ? null : s.strip();
    }
}
