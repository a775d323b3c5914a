package io.heed.acknowledgement;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTML answers of the acknowledgement pages when something is refused or fails: a title, one sentence, and
 * where it helps a link back to the page. In the recipient's language when the link was valid, else in the
 * browser's. Never a detail of what was wrong with a link.
 */
@ApplicationScoped
class ProblemPages {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    @Inject
    AcknowledgementText english;

    @Inject
    @Localized("de")
    AcknowledgementText german;

    Response refusal(AcknowledgementRefusal refusal, String acceptLanguage, Duration retryAfter) {
        AnswerSheet sheet = refusal.sheet();
        String lang = sheet != null ? PageView.language(sheet.locale()) : PageView.languageOf(acceptLanguage);
        AcknowledgementText words = words(lang);
        // Only a valid link's own page is linked back to; the token is not echoed for anything else.
        String back = refusal.pageUrl();
        Response.ResponseBuilder response = switch (refusal.reason()) {
            case NOT_FOUND -> page(404, lang, words.notFoundTitle(), words.notFoundText(), null);
            case BAD_REQUEST -> page(400, lang, words.badRequestTitle(), words.badRequestText(), back);
            case FORM_EXPIRED -> page(403, lang, words.formExpiredTitle(), words.formExpiredText(), back);
            case CAMPAIGN_ENDED -> page(410, lang, words.endedTitle(), words.endedText(), back);
            case TOO_MANY_FAILURES ->
                page(429, lang, words.tooManyTitle(), words.tooManyText(), null)
                        .header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        };
        return response.build();
    }

    /** A status that did not come from a use case (unknown path, wrong method, unexpected error). */
    Response status(int status, String acceptLanguage) {
        String lang = PageView.languageOf(acceptLanguage);
        AcknowledgementText words = words(lang);
        return switch (status) {
            case 404 ->
                page(404, lang, words.notFoundTitle(), words.notFoundText(), null)
                        .build();
            case 500 ->
                page(500, lang, words.errorTitle(), words.errorText(), null).build();
            default ->
                status >= 500
                        ? page(status, lang, words.errorTitle(), words.errorText(), null)
                                .build()
                        : page(status, lang, words.badRequestTitle(), words.badRequestText(), null)
                                .build();
        };
    }

    private Response.ResponseBuilder page(int status, String lang, String title, String text, String back) {
        String body = AcknowledgementResource.Templates.problem(lang, title, text, back, PageStyle.CSS)
                .setLocale(Locale.forLanguageTag(lang))
                .render();
        return Response.status(status).type(HTML).entity(body.getBytes(StandardCharsets.UTF_8));
    }

    private AcknowledgementText words(String lang) {
        return lang.equals("de") ? german : english;
    }

    /**
     * An HTML response. The body goes out as UTF-8 bytes encoded by {@link String#getBytes} (vectorised): handing
     * Quarkus REST the String made Netty encode it character by character, a quarter of a page view's CPU.
     */
    static Response html(int status, String body) {
        return Response.status(status)
                .type(HTML)
                .entity(body == null ? null : body.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
