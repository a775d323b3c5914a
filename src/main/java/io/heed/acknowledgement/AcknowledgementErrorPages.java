package io.heed.acknowledgement;

import io.heed.platform.Languages;
import io.heed.platform.api.ApiProblems;
import io.heed.platform.web.ErrorSurface;
import io.heed.platform.web.Failure;
import io.heed.security.ClientAddressHash;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;

/**
 * The employee pages' surface ({@code /ack/**}): every refusal and failure as an HTML page of its own, with a
 * title, one sentence, and where it helps a link back to the page. In the recipient's language when the link was
 * valid, else in the browser's. Never a detail of what was wrong with a link. Refusals that may be guesses count
 * towards the address's {@link FailureLimiter}.
 */
@ApplicationScoped
class AcknowledgementErrorPages implements ErrorSurface {

    @Inject
    FailureLimiter limiter;

    @Override
    public boolean covers(String path) {
        return ErrorSurface.under("/ack", path);
    }

    @Override
    public String name() {
        return "an acknowledgement page";
    }

    @Override
    public Response render(Failure failure, HttpServerRequest request) {
        String acceptLanguage = request.getHeader("Accept-Language");
        String address = ClientAddressHash.remote(request);
        if (failure instanceof Failure.Refused refused && refused.refusal() instanceof AcknowledgementRefusal refusal) {
            if (refusal.countsAsFailure()) {
                limiter.recordFailure(address);
            }
            return refusal(refusal, acceptLanguage, limiter.retryAfter(address));
        }
        int status;
        if (failure instanceof Failure.Refused refused) {
            status = ApiProblems.status(refused.refusal().kind());
        } else if (failure instanceof Failure.Status s) {
            status = s.status();
        } else if (failure instanceof Failure.Unauthenticated) {
            status = 401;
        } else if (failure instanceof Failure.Denied) {
            status = 403;
        } else if (failure instanceof Failure.Unavailable) {
            status = 503;
        } else {
            status = 500;
        }
        if (status < 500) {
            limiter.recordFailure(address);
        }
        return status(status, acceptLanguage);
    }

    Response refusal(AcknowledgementRefusal refusal, String acceptLanguage, Duration retryAfter) {
        AnswerSheet sheet = refusal.sheet();
        String lang = sheet != null ? Languages.of(sheet.locale()) : Languages.fromAcceptLanguage(acceptLanguage);
        AcknowledgementText words = Languages.bundle(AcknowledgementText.class, lang);
        // Only a valid link's own page is linked back to; the token is not echoed for anything else.
        String back = refusal.pageUrl();
        Response.ResponseBuilder response = switch (refusal.why()) {
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
        String lang = Languages.fromAcceptLanguage(acceptLanguage);
        AcknowledgementText words = Languages.bundle(AcknowledgementText.class, lang);
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
}
