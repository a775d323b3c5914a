package io.heed.playbook;

import io.heed.platform.LanguageTags;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a playbook's definition; the templates are checked by {@link PlaybookTemplates}. */
final class PlaybookValidator {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final int MAX_TITLE = 200;
    private static final int MAX_TEXT = 10_000;

    private PlaybookValidator() {}

    static List<PlaybookProblem> check(PlaybookSource source) {
        PlaybookDefinition d = source.definition();
        List<PlaybookProblem> problems = new ArrayList<>();
        if (d.key() == null || !KEY.matcher(d.key()).matches()) {
            problems.add(source.problem(
                    "/key", "key: required; lower-case letters, digits and hyphens, 2 to 63 characters"));
        }
        required(source, "/title", d.title(), MAX_TITLE, problems);
        required(source, "/summary", d.summary(), MAX_TEXT, problems);
        optional(source, "/whyItMatters", d.whyItMatters(), MAX_TEXT, problems);
        optional(source, "/source", d.source(), MAX_TITLE, problems);
        optional(source, "/appliesIf", d.appliesIf(), MAX_TITLE, problems);
        optional(source, "/notApplicableLabel", d.notApplicableLabel(), MAX_TITLE, problems);
        if (d.notApplicableLabel() != null && d.appliesIf() == null) {
            problems.add(source.problem(
                    "/notApplicableLabel", "notApplicableLabel: needs appliesIf (when does the playbook apply?)"));
        }
        subjects(source, "/subjects", d.subjects(), true, problems);
        Set<String> stepKeys = steps(source, d.steps(), problems);
        deadlines(source, d.jurisdictionDeadlines(), problems);
        translations(source, d.translations(), stepKeys, problems);
        return problems;
    }

    private static Set<String> steps(
            PlaybookSource source, List<PlaybookDefinition.Step> steps, List<PlaybookProblem> problems) {
        Set<String> keys = new HashSet<>();
        if (steps == null || steps.isEmpty()) {
            problems.add(source.problem("/steps", "steps: at least one step is required"));
            return keys;
        }
        for (int i = 0; i < steps.size(); i++) {
            String at = "/steps/" + i;
            PlaybookDefinition.Step step = steps.get(i);
            String name = "steps[" + i + "]";
            if (step == null) {
                problems.add(source.problem(at, name + ": empty step"));
                continue;
            }
            if (step.key() == null || !KEY.matcher(step.key()).matches()) {
                problems.add(
                        source.problem(at + "/key", name + ".key: required; lower-case letters, digits and hyphens"));
            } else if (!keys.add(step.key())) {
                problems.add(
                        source.problem(at + "/key", name + ".key: '" + step.key() + "' is used by an earlier step"));
            }
            required(source, at + "/title", step.title(), MAX_TITLE, problems, name + ".title");
            required(source, at + "/instructions", step.instructions(), MAX_TEXT, problems, name + ".instructions");
            if (step.url() != null && !isWebUrl(step.url())) {
                problems.add(source.problem(
                        at + "/url", name + ".url: '" + step.url() + "' is not an absolute https or http URL"));
            }
        }
        return keys;
    }

    private static void deadlines(
            PlaybookSource source,
            List<PlaybookDefinition.JurisdictionDeadline> deadlines,
            List<PlaybookProblem> problems) {
        if (deadlines == null) {
            return;
        }
        Set<String> countries = Set.of(Locale.getISOCountries());
        for (int i = 0; i < deadlines.size(); i++) {
            String at = "/jurisdictionDeadlines/" + i;
            var deadline = deadlines.get(i);
            String name = "jurisdictionDeadlines[" + i + "]";
            required(source, at + "/appliesTo", deadline.appliesTo(), MAX_TITLE, problems, name + ".appliesTo");
            if (deadline.date() == null) {
                problems.add(source.problem(at + "/date", name + ".date: required (YYYY-MM-DD)"));
            }
            if (deadline.countries() != null) {
                for (String country : deadline.countries()) {
                    if (country == null || !countries.contains(country)) {
                        problems.add(source.problem(
                                at + "/countries",
                                name + ".countries: '" + country + "' is not an ISO 3166-1 alpha-2 code"));
                    }
                }
            }
        }
    }

    private static void translations(
            PlaybookSource source,
            Map<String, PlaybookDefinition.Translation> translations,
            Set<String> stepKeys,
            List<PlaybookProblem> problems) {
        if (translations == null) {
            return;
        }
        for (var entry : translations.entrySet()) {
            String at = "/translations/" + entry.getKey();
            String name = "translations." + entry.getKey();
            if (!LanguageTags.isValid(entry.getKey())) {
                problems.add(source.problem(at, name + ": '" + entry.getKey() + "' is not a BCP 47 language tag"));
            }
            PlaybookDefinition.Translation t = entry.getValue();
            if (t == null) {
                continue;
            }
            subjects(source, at + "/subjects", t.subjects(), false, problems);
            if (t.steps() != null) {
                for (String stepKey : t.steps().keySet()) {
                    if (!stepKeys.contains(stepKey)) {
                        problems.add(source.problem(
                                at + "/steps/" + stepKey,
                                name + ".steps: '" + stepKey + "' is not a step of this playbook"));
                    }
                }
            }
        }
    }

    private static void subjects(
            PlaybookSource source,
            String at,
            Map<String, String> subjects,
            boolean required,
            List<PlaybookProblem> problems) {
        String name = at.substring(1).replace("/", ".");
        for (MessageKind kind : MessageKind.values()) {
            String subject = subjects == null ? null : subjects.get(kind.fileName());
            if (subject == null || subject.isBlank()) {
                if (required) {
                    problems.add(source.problem(at, name + "." + kind.fileName() + ": required"));
                }
            } else if (subject.length() > MAX_TITLE) {
                problems.add(source.problem(
                        at + "/" + kind.fileName(),
                        name + "." + kind.fileName() + ": longer than " + MAX_TITLE + " characters"));
            }
        }
        if (subjects != null) {
            for (String kind : subjects.keySet()) {
                if (java.util.Arrays.stream(MessageKind.values())
                        .noneMatch(k -> k.fileName().equals(kind))) {
                    problems.add(source.problem(
                            at + "/" + kind, name + ": unknown message '" + kind + "' (invitation, reminder)"));
                }
            }
        }
    }

    private static void required(
            PlaybookSource source, String at, String value, int max, List<PlaybookProblem> problems) {
        required(source, at, value, max, problems, at.substring(1));
    }

    private static void required(
            PlaybookSource source, String at, String value, int max, List<PlaybookProblem> problems, String name) {
        if (value == null || value.isBlank()) {
            problems.add(source.problem(at, name + ": required"));
        } else if (value.length() > max) {
            problems.add(source.problem(at, name + ": longer than " + max + " characters"));
        }
    }

    private static void optional(
            PlaybookSource source, String at, String value, int max, List<PlaybookProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(source.problem(at, at.substring(1) + ": longer than " + max + " characters"));
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
