package io.heed.acknowledgement;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTML answers of the acknowledgement pages when something is refused or fails: a title, one sentence, and
 * where it helps a link back to the page. In the recipient's language when the link was valid, else in the
 * browser's. Never a detail of what was wrong with a link.
 */
@ApplicationScoped
class ProblemPages {

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
        int status = refusal.reason().status;
        Response.ResponseBuilder response = switch (refusal.reason()) {
            case NOT_FOUND -> page(status, lang, words.notFoundTitle(), words.notFoundText(), null);
            case BAD_REQUEST -> page(status, lang, words.badRequestTitle(), words.badRequestText(), back);
            case FORM_EXPIRED -> page(status, lang, words.formExpiredTitle(), words.formExpiredText(), back);
            case CAMPAIGN_ENDED -> page(status, lang, words.endedTitle(), words.endedText(), back);
            case TOO_MANY_FAILURES ->
                page(status, lang, words.tooManyTitle(), words.tooManyText(), null)
                        .header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        };
        return response.build();
    }

    /** A status that did not come from a use case (unknown path, wrong method, unexpected error). */
    Response status(int status, String acceptLanguage) {
        String lang = PageView.languageOf(acceptLanguage);
        AcknowledgementText words = words(lang);
        if (status == 404) {
            return page(404, lang, words.notFoundTitle(), words.notFoundText(), null)
                    .build();
        }
        if (status >= 500) {
            return page(status, lang, words.errorTitle(), words.errorText(), null)
                    .build();
        }
        return page(status, lang, words.requestTitle(), words.requestText(), null)
                .build();
    }

    private Response.ResponseBuilder page(int status, String lang, String title, String text, String back) {
        TemplateInstance page = AcknowledgementResource.Templates.problem(lang, title, text, back, PageStyle.CSS)
                .setLocale(Locale.forLanguageTag(lang));
        return Response.status(status).type(HtmlResponses.HTML).entity(HtmlResponses.utf8(page));
    }

    private AcknowledgementText words(String lang) {
        return lang.equals("de") ? german : english;
    }
}
