package io.heed.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of Heed's own languages a reader gets: from their stored locale, or from their browser. No server. */
class LanguagesTest {

    @Test
    void englishIsTheDefaultAndGermanTheOtherLanguage() {
        assertEquals("en", Languages.DEFAULT);
        assertEquals(List.of("en", "de"), Languages.SUPPORTED);
    }

    @ParameterizedTest(name = "locale ''{0}'' reads ''{1}''")
    @CsvSource(
            value = {
                "de, de",
                "de-DE, de",
                "de-CH, de",
                "DE, de",
                "' de-AT ', de",
                "en, en",
                "en-GB, en",
                "fr, en",
                "ja-JP, en",
                "'', en",
                "'  ', en",
                "NULL, en"
            },
            nullValues = "NULL")
    void aStoredLocaleReadsItsLanguageOrTheDefault(String locale, String language) {
        assertEquals(language, Languages.of(locale));
    }

    @ParameterizedTest(name = "Accept-Language ''{0}'' reads ''{1}''")
    @CsvSource(
            value = {
                "'de-DE,de;q=0.9,en;q=0.8', de",
                "'en-GB,en;q=0.9', en",
                "'fr-FR,fr;q=0.9,de;q=0.5,en;q=0.3', de",
                "'fr-FR,fr;q=0.9,en;q=0.5,de;q=0.3', en",
                "'en;q=0.5,de;q=0.9', de",
                "de-CH, de",
                "fr, en",
                "*, en",
                "'de;q=abc', en",
                "'', en",
                "NULL, en"
            },
            nullValues = "NULL")
    void theBrowsersFirstSupportedLanguageByWeightOrTheDefault(String header, String language) {
        assertEquals(language, Languages.fromAcceptLanguage(header));
    }

    @ParameterizedTest(name = "Accept-Language ''{0}'' reads ''{1}''")
    @CsvSource({"'de;q=0', en", "'fr,de;q=0', en", "'de-DE;q=0,de;q=0.000', en"})
    void aLanguageTheBrowserRefusesWithWeightZeroIsNeverChosen(String header, String language) {
        // RFC 9110, 12.4.2: "q=0" means "not acceptable".
        assertEquals(language, Languages.fromAcceptLanguage(header));
    }

    @Test
    void anOverlongHeaderIsNotParsed() {
        String header = "de," + "x-aaaaaaaa;q=0.1,".repeat(20);
        assertTrue(header.length() > 256);
        assertEquals("en", Languages.fromAcceptLanguage(header));
    }
}
