package io.heed.platform;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.List;
import java.util.Locale;

/**
 * The languages Heed's own words exist in (the employee page, the mail Heed writes itself, the console), and
 * how a reader's language is chosen among them. Playbooks bring their own languages; this is only for text
 * Heed ships. Adding a language: a {@code messages/<bundle>_<lang>.properties} per bundle, and its tag here.
 */
public final class Languages {

    /** The default first. */
    public static final List<String> SUPPORTED = List.of("en", "de");

    public static final String DEFAULT = SUPPORTED.get(0);

    private Languages() {}

    /** The supported language of a BCP 47 tag ({@code de-CH} → {@code de}), else the default. */
    public static String of(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.contains(language) ? language : DEFAULT;
    }

    /** The reader's first supported language from an {@code Accept-Language} header, else the default. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 256) {
            return DEFAULT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() == 0) {
                    continue; // q=0: "not acceptable" (RFC 9110, 12.4.2)
                }
                String language = range.getRange().split("-")[0];
                if (SUPPORTED.contains(language)) {
                    return language;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header: the default
        }
        return DEFAULT;
    }

    /** The message bundle {@code bundle} in a supported {@code language} (the default's for any other). */
    public static <T> T bundle(Class<T> bundle, String language) {
        String lang = SUPPORTED.contains(language) ? language : DEFAULT;
        return lang.equals(DEFAULT)
                ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(lang));
    }
}
