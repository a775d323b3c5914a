package io.heed.acknowledgement;

import io.heed.playbook.LocalizedPlaybook;
import io.heed.playbook.PlaybookCatalogue;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of the page that depend only on the pinned playbook version and the reader's language: the advisory's
 * text and each step's title, instructions and link. Rendered once (HTML-escaped by the type-safe templates below)
 * and cached: versions are immutable. A page view then renders only what is personal (answers, forms, dates),
 * which keeps Qute's work per request small.
 */
@ApplicationScoped
class PlaybookPageText {

    /** One version in one language, ready to embed. */
    public record Text(
            String lang,
            String contentLang,
            String title,
            RawString intro,
            String appliesIf,
            String notApplicableLabel,
            boolean wholeNotApplicableAllowed,
            List<Step> steps,
            RawString footer) {}

    /** A step's fixed part ({@code body}: number, title, instructions, link) and what its form needs. */
    public record Step(String key, String title, boolean notApplicableAllowed, RawString body) {}

    @CheckedTemplate(basePath = "AcknowledgementResource")
    static class Templates {
        static native TemplateInstance intro(LocalizedPlaybook playbook);

        static native TemplateInstance step(LocalizedPlaybook playbook, LocalizedPlaybook.Step step, int number);

        static native TemplateInstance footer(LocalizedPlaybook playbook);
    }

    @Inject
    PlaybookCatalogue playbooks;

    private final Map<String, Text> cache = new ConcurrentHashMap<>();

    /** The text of version {@code versionId} for a reader of {@code locale}, with the page's words in {@code lang}. */
    Text of(long versionId, String locale, String lang) {
        return cache.computeIfAbsent(versionId + "|" + locale + "|" + lang, key -> render(versionId, locale, lang));
    }

    private Text render(long versionId, String locale, String lang) {
        LocalizedPlaybook playbook = playbooks.localized(versionId, Locale.forLanguageTag(locale));
        Locale words = Locale.forLanguageTag(lang);
        List<Step> steps = new ArrayList<>();
        int number = 1;
        for (LocalizedPlaybook.Step step : playbook.steps()) {
            steps.add(new Step(
                    step.key(),
                    step.title(),
                    step.notApplicableAllowed(),
                    new RawString(Templates.step(playbook, step, number++)
                            .setLocale(words)
                            .render())));
        }
        return new Text(
                lang,
                playbook.locale(),
                playbook.title(),
                new RawString(Templates.intro(playbook).setLocale(words).render()),
                playbook.appliesIf(),
                playbook.notApplicableLabel(),
                playbook.wholeNotApplicableAllowed(),
                List.copyOf(steps),
                new RawString(Templates.footer(playbook).setLocale(words).render()));
    }
}
