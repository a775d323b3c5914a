package io.heed.platform;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** BCP 47 language tags, checked one way everywhere. */
public final class LanguageTags {

    private LanguageTags() {}

    /** True for a well-formed tag that names a language, e.g. {@code en}, {@code de-CH}, {@code pt-BR}. */
    public static boolean isValid(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            return !new Locale.Builder()
                    .setLanguageTag(tag)
                    .build()
                    .getLanguage()
                    .isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
