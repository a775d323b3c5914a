package io.heed.playbook;

import io.heed.platform.LanguageTags;
import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.Variant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A playbook version ready to use: its templates parsed by Qute (HTML ones with escaping on), its text
 * resolvable per language. Built once per version and cached: versions never change.
 */
final class CompiledPlaybook {

    /** {@code invitation.html}, {@code reminder.de.txt}, {@code invitation.pt-BR.html} … */
    static final Pattern TEMPLATE_FILE = Pattern.compile("(invitation|reminder)(?:\\.([A-Za-z0-9-]+))?\\.(html|txt)");

    private static final String ENGLISH = "en";

    private final long versionId;
    private final int version;
    private final PlaybookDefinition definition;
    private final Map<String, Template> templates;
    private final Map<String, LocalizedPlaybook> localized = new ConcurrentHashMap<>();

    private CompiledPlaybook(
            long versionId, int version, PlaybookDefinition definition, Map<String, Template> templates) {
        this.versionId = versionId;
        this.version = version;
        this.definition = definition;
        this.templates = templates;
    }

    /**
     * Parses every template and renders it once against a sample reader in its language, so a template that
     * uses a name that does not exist fails here, with its file and line, rather than when mail goes out.
     */
    static CompiledPlaybook compile(Engine engine, PlaybookSource source, long versionId, int version) {
        List<PlaybookProblem> problems = new ArrayList<>();
        Map<String, Template> parsed = new HashMap<>();
        for (var file : source.templates().entrySet()) {
            String name = source.templatePrefix() + file.getKey();
            Matcher m = TEMPLATE_FILE.matcher(file.getKey());
            if (!m.matches()) {
                problems.add(new PlaybookProblem(
                        name, 0, "not a template name: expected invitation|reminder[.<language>].html|txt"));
                continue;
            }
            if (m.group(2) != null && !LanguageTags.isValid(m.group(2))) {
                problems.add(new PlaybookProblem(name, 0, "'" + m.group(2) + "' is not a BCP 47 language tag"));
                continue;
            }
            String mediaType = m.group(3).equals("html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN;
            try {
                Template template = engine.parse(
                        file.getValue(), new Variant(Locale.ROOT, StandardCharsets.UTF_8, mediaType), name);
                PlaybookProblem refused = sandbox(template, name);
                if (refused != null) {
                    problems.add(refused);
                    continue;
                }
                parsed.put(file.getKey(), template);
            } catch (TemplateException e) {
                problems.add(new PlaybookProblem(name, line(e), message(e)));
            }
        }
        for (MessageKind kind : MessageKind.values()) {
            for (String extension : List.of("html", "txt")) {
                String required = kind.fileName() + "." + extension;
                if (!source.templates().containsKey(required)) {
                    problems.add(new PlaybookProblem(
                            source.templatePrefix() + required, 0, "missing: every playbook needs " + required));
                }
            }
        }
        // Render what parsed even when other files are missing: the author gets every problem at once.
        CompiledPlaybook compiled = new CompiledPlaybook(versionId, version, source.definition(), parsed);
        for (var file : parsed.entrySet()) {
            Matcher m = TEMPLATE_FILE.matcher(file.getKey());
            m.matches();
            Locale locale = m.group(2) == null ? Locale.ENGLISH : Locale.forLanguageTag(m.group(2));
            int reminder = m.group(1).equals("reminder") ? 1 : 0;
            try {
                file.getValue().data(compiled.sample(locale, reminder)).render();
            } catch (TemplateException e) {
                problems.add(new PlaybookProblem(source.templatePrefix() + file.getKey(), line(e), message(e)));
            }
        }
        if (!problems.isEmpty()) {
            throw new PlaybookException(problems);
        }
        return compiled;
    }

    /** The sections a playbook template may use: control flow over its own data, nothing that reaches further. */
    private static final Set<String> ALLOWED_SECTIONS =
            Set.of("$root", "if", "for", "each", "let", "set", "with", "when", "switch", "is", "case");

    /**
     * Playbook templates are written by operators and see only their {@link MailView}: no other template
     * ({@code include}, {@code insert}, user tags), no {@code eval}, no namespace ({@code config:}, {@code inject:},
     * {@code cdi:} …) that would reach configuration or beans. The first thing that reaches further is the problem.
     */
    private static PlaybookProblem sandbox(Template template, String name) {
        for (TemplateNode node : template.findNodes(
                n -> n.isSection() && !ALLOWED_SECTIONS.contains(n.asSection().getName()))) {
            return new PlaybookProblem(
                    name,
                    node.getOrigin().getLine(),
                    "{#" + node.asSection().getName() + "} is not allowed in a playbook template (only if, for,"
                            + " each, let, with, when and switch)");
        }
        io.quarkus.qute.Expression namespaced = template.findExpression(e -> e.getNamespace() != null);
        if (namespaced != null) {
            return new PlaybookProblem(
                    name,
                    namespaced.getOrigin().getLine(),
                    "'" + namespaced.getNamespace() + ":' is not allowed in a playbook template: it sees only"
                            + " recipient, playbook, link, deadline, campaign and reminder");
        }
        return null;
    }

    RenderedMessage render(MailRequest request) {
        Locale locale = request.locale();
        MessageKind kind = request.kind();
        MailView view = new MailView(
                request.recipient(),
                localized(locale),
                request.link(),
                request.deadline(),
                request.campaign(),
                request.reminder());
        return new RenderedMessage(
                subject(kind, locale),
                template(kind, "txt", locale).data(view).render(),
                template(kind, "html", locale).data(view).render());
    }

    LocalizedPlaybook localized(Locale locale) {
        return localized.computeIfAbsent(locale.toLanguageTag(), tag -> localize(locale));
    }

    PlaybookDefinition definition() {
        return definition;
    }

    private String subject(MessageKind kind, Locale locale) {
        for (String tag : chain(locale)) {
            PlaybookDefinition.Translation t = translation(tag);
            if (t != null && t.subjects() != null && t.subjects().get(kind.fileName()) != null) {
                return t.subjects().get(kind.fileName());
            }
        }
        return definition.subjects().get(kind.fileName());
    }

    private Template template(MessageKind kind, String extension, Locale locale) {
        for (String tag : chain(locale)) {
            Template t = templates.get(kind.fileName() + (tag.equals(ENGLISH) ? "" : "." + tag) + "." + extension);
            if (t != null) {
                return t;
            }
        }
        return templates.get(kind.fileName() + "." + extension);
    }

    private LocalizedPlaybook localize(Locale locale) {
        List<String> chain = chain(locale);
        String used = chain.stream()
                .filter(tag -> tag.equals(ENGLISH) || translation(tag) != null)
                .findFirst()
                .orElse(ENGLISH);
        PlaybookDefinition.Translation t = translation(used);
        List<LocalizedPlaybook.Step> steps = new ArrayList<>();
        for (PlaybookDefinition.Step step : definition.steps()) {
            PlaybookDefinition.StepTranslation st =
                    t == null || t.steps() == null ? null : t.steps().get(step.key());
            String title = st != null && st.title() != null ? st.title() : step.title();
            String instructions = st != null && st.instructions() != null ? st.instructions() : step.instructions();
            steps.add(new LocalizedPlaybook.Step(
                    step.key(),
                    title,
                    instructions,
                    new RawString(Markdown.toHtml(instructions)),
                    step.url(),
                    step.allowsNotApplicable()));
        }
        List<LocalizedPlaybook.Deadline> deadlines = definition.jurisdictionDeadlines() == null
                ? List.of()
                : definition.jurisdictionDeadlines().stream()
                        .map(d -> new LocalizedPlaybook.Deadline(
                                d.appliesTo(), d.countries() == null ? List.of() : d.countries(), d.date(), d.note()))
                        .toList();
        return new LocalizedPlaybook(
                versionId,
                definition.key(),
                version,
                used,
                pick(t == null ? null : t.title(), definition.title()),
                pick(t == null ? null : t.summary(), definition.summary()),
                pick(t == null ? null : t.whyItMatters(), definition.whyItMatters()),
                definition.source(),
                pick(t == null ? null : t.appliesIf(), definition.appliesIf()),
                pick(t == null ? null : t.notApplicableLabel(), definition.notApplicableLabel()),
                List.copyOf(steps),
                deadlines);
    }

    private PlaybookDefinition.Translation translation(String tag) {
        return definition.translations() == null
                ? null
                : definition.translations().get(tag);
    }

    /** {@code de-CH} → {@code de-CH, de, en}: the reader's language, then broader, then English. */
    static List<String> chain(Locale locale) {
        Set<String> chain = new LinkedHashSet<>();
        String tag = locale.toLanguageTag();
        while (!tag.isEmpty() && !tag.equals("und")) {
            chain.add(tag);
            int dash = tag.lastIndexOf('-');
            tag = dash < 0 ? "" : tag.substring(0, dash);
        }
        chain.add(ENGLISH);
        return List.copyOf(chain);
    }

    /** The e-mail as a sample reader would get it, for previews of a version or a draft. */
    RenderedMessage sample(MessageKind kind, Locale locale) {
        MailView view = sample(locale, kind == MessageKind.REMINDER ? 1 : 0);
        return new RenderedMessage(
                subject(kind, locale),
                template(kind, "txt", locale).data(view).render(),
                template(kind, "html", locale).data(view).render());
    }

    private MailView sample(Locale locale, int reminder) {
        return new MailView(
                new MailView.Person("Alex Example", "alex@example.com"),
                localized(locale),
                "https://heed.example/ack/SAMPLE",
                "15 December 2026",
                "Sample campaign",
                reminder);
    }

    private static String pick(String translated, String english) {
        return translated != null ? translated : english;
    }

    private static int line(TemplateException e) {
        return e.getOrigin() == null ? 0 : e.getOrigin().getLine();
    }

    private static String message(TemplateException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // Qute prefixes the template id and line ("[invitation.html] line 2: " or "[invitation.html:2]: "), which
        // the problem already carries.
        return message.replaceFirst("^(Rendering|Parser) error in template \\[[^]]*\\]( line \\d+)?: ", "");
    }
}
