package io.heed.playbook;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asAuditor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The playbooks Heed ships in templates/playbooks: loaded, complete, and rendering in every language. */
@QuarkusTest
class ShippedPlaybookTest {

    static final String KEY = "linkedin-genai-optout";

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    LoadPlaybookFolder folder;

    @Test
    void theLinkedInPlaybookHasExactlyItsFiveStepsInOrder() {
        asAuditor()
                .get("/api/v1/playbooks/" + KEY)
                .then()
                .statusCode(200)
                .body(
                        "definition.steps.key",
                        contains(
                                "genai-toggle",
                                "objection-form",
                                "review-content",
                                "ad-preferences",
                                "mindful-posting"))
                .body(
                        "definition.steps[0].url",
                        equalTo("https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"))
                .body("definition.steps[1].url", equalTo("https://www.linkedin.com/help/linkedin/ask/TS-DPRO"))
                .body("definition.steps[3].url", equalTo("https://www.linkedin.com/mypreferences/d/categories/ads"))
                .body("definition.jurisdictionDeadlines[0].date", equalTo("2025-11-03"))
                .body("definition.jurisdictionDeadlines[0].countries", hasItem("CH"))
                .body("definition.jurisdictionDeadlines[1].date", equalTo("2024-09-18"))
                .body("origin", equalTo("FILE"));
        asAdmin().get("/api/v1/playbooks").then().statusCode(200).body("key", hasItem(KEY));
    }

    @Test
    void everyShippedPlaybookRendersEveryMessageInEveryLanguage() {
        for (PlaybookSource source : folder.read(Path.of("templates/playbooks"))) {
            long versionId = playbooks.latest(source.definition().key()).orElseThrow().id;
            List<String> languages = new java.util.ArrayList<>(List.of("en"));
            if (source.definition().translations() != null) {
                languages.addAll(source.definition().translations().keySet());
            }
            for (String language : languages) {
                for (MessageKind kind : MessageKind.values()) {
                    RenderedMessage m = playbooks.render(new MailRequest(
                            versionId,
                            kind,
                            Locale.forLanguageTag(language),
                            new MailView.Person("Ada Lovelace", "ada@example.com"),
                            "https://heed.example/ack/TOKEN",
                            "15 December 2026",
                            "Campaign",
                            1));
                    String where = source.definition().key() + " " + kind + " " + language;
                    assertFalse(m.subject().isBlank(), where);
                    for (String part : List.of(m.text(), m.html())) {
                        assertTrue(part.contains("https://heed.example/ack/TOKEN"), where + " has the personal link");
                        assertTrue(part.contains("Ada Lovelace"), where + " greets the reader");
                        assertTrue(part.contains("15 December 2026"), where + " states the deadline");
                        assertFalse(part.contains("{"), where + " left no expression unrendered");
                    }
                    LocalizedPlaybook text = playbooks.localized(versionId, Locale.forLanguageTag(language));
                    text.steps()
                            .forEach(step ->
                                    assertTrue(m.text().contains(step.title()), where + " lists " + step.key()));
                }
            }
        }
    }

    @Test
    void germanReadersGetGermanAndOthersFallBackToEnglish() {
        long versionId = playbooks.latest(KEY).orElseThrow().id;
        var person = new MailView.Person("Jörg", "joerg@example.com");
        RenderedMessage german = playbooks.render(new MailRequest(
                versionId,
                MessageKind.INVITATION,
                Locale.forLanguageTag("de-AT"),
                person,
                "https://x/ack/T",
                null,
                "C",
                0));
        assertTrue(german.subject().startsWith("Bitte handeln"), german.subject());
        assertTrue(german.html().contains("Hallo Jörg"));
        assertTrue(german.html().contains("lang=\"de\""));
        RenderedMessage french = playbooks.render(new MailRequest(
                versionId, MessageKind.INVITATION, Locale.FRENCH, person, "https://x/ack/T", null, "C", 0));
        assertTrue(french.subject().startsWith("Action needed"), french.subject());
        assertFalse(french.text().contains("Please complete the steps by"), "no deadline, no deadline sentence");
        assertEquals(
                "de",
                playbooks.localized(versionId, Locale.forLanguageTag("de-CH")).locale());
    }

    @Test
    void hostileNamesAreEscapedInHtmlAndKeptAsTextInPlainText() {
        long versionId = playbooks.latest(KEY).orElseThrow().id;
        var hostile = new MailView.Person("<script>alert('x')</script> \"Bobby\" & Co", "bobby@example.com");
        RenderedMessage m = playbooks.render(new MailRequest(
                versionId, MessageKind.REMINDER, Locale.ENGLISH, hostile, "https://x/ack/T", null, "C", 1));
        assertFalse(m.html().contains("<script>"), "no live markup from data");
        assertTrue(
                m.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Bobby&quot; &amp; Co"),
                m.html());
        assertTrue(m.text().contains("<script>alert('x')</script> \"Bobby\" & Co"));
    }

    @Test
    void instructionsAreMarkdownWithRawHtmlEscaped() {
        assertEquals(
                "<p>Open <strong>Settings</strong> &lt;b&gt;now&lt;/b&gt;</p>",
                Markdown.toHtml("Open **Settings** <b>now</b>"));
        assertEquals("<p><a rel=\"nofollow\" href=\"\">click</a></p>", Markdown.toHtml("[click](javascript:alert(1))"));
    }
}
