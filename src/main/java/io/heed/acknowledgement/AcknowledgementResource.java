package io.heed.acknowledgement;

import io.heed.platform.Languages;
import io.heed.security.ClientAddressHash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The employee's personal page, {@code /ack/<token>}: public (the token is the credential), server-rendered HTML
 * that works without JavaScript. GET and HEAD only look (and are logged as visits); the forms POST answers and
 * are redirected back to the page (Post/Redirect/Get). Every response here is HTML, refusals and errors included
 * ({@link AcknowledgementErrorPages} is this path's error surface), and carries the headers of
 * {@link AcknowledgementResponseFilter}. No {@code @Consumes}/{@code @Produces}: a request of any type reaches the
 * methods and gets an HTML answer rather than a JSON 406/415.
 */
@Path("/ack")
@PermitAll
class AcknowledgementResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PageView view, RawString css);

        static native TemplateInstance problem(String lang, String title, String text, String backUrl, RawString css);
    }

    @Inject
    RecordVisit recordVisit;

    @Inject
    RecordAcknowledgement recordAcknowledgement;

    @Inject
    PlaybookPageText texts;

    @Inject
    PersonalLinks links;

    @Inject
    FailureLimiter limiter;

    @GET
    @Path("/{token}")
    public Response page(
            @PathParam("token") String token, @QueryParam("saved") String saved, @Context HttpServerRequest http) {
        RecordVisit.Visited visited = recordVisit.visit(token, client(http));
        AnswerSheet sheet = visited.sheet();
        String lang = Languages.of(sheet.locale());
        PlaybookPageText.Text text = texts.of(sheet.playbookVersionId(), sheet.locale(), lang);
        PageView view = PageView.of(sheet, text, links.pageUrl(token), visited.formToken(), saved != null);
        return HtmlResponses.html(200, Templates.page(view, PageStyle.CSS).setLocale(Locale.forLanguageTag(lang)));
    }

    /** Link checkers and gateways often send HEAD: answered like GET, without a body, and logged as a visit. */
    @HEAD
    @Path("/{token}")
    public Response head(@PathParam("token") String token, @Context HttpServerRequest http) {
        recordVisit.visit(token, client(http));
        return HtmlResponses.html(200, null);
    }

    @POST
    @Path("/{token}/steps/{stepKey}")
    public Response answerStep(
            @PathParam("token") String token,
            @PathParam("stepKey") String stepKey,
            @RestForm String status,
            @RestForm String csrf,
            @Context HttpServerRequest http) {
        RecordAcknowledgement.Recorded recorded =
                recordAcknowledgement.answerStep(token, stepKey, status, csrf, client(http));
        return seeOther(recorded.pageUrl() + "?saved=1#step-" + stepKey);
    }

    @POST
    @Path("/{token}/not-applicable")
    public Response answerWholePlaybook(
            @PathParam("token") String token, @RestForm String csrf, @Context HttpServerRequest http) {
        RecordAcknowledgement.Recorded recorded = recordAcknowledgement.answerWholePlaybook(token, csrf, client(http));
        return seeOther(recorded.pageUrl() + "?saved=1");
    }

    /**
     * A form's address opened with GET (a copied or bookmarked form URL): nothing to do but go to the page. The
     * redirect is the same whether or not the link is valid; the page then tells.
     */
    @GET
    @Path("/{token}/{form: steps/[^/]+|not-applicable}")
    public Response formAddress(@PathParam("token") String token) {
        return seeOther(links.pageUrl(token));
    }

    /** What the use cases need to know of the request; refuses it first if its address is rate-limited. */
    private ClientRequest client(HttpServerRequest http) {
        String address = ClientAddressHash.remote(http);
        Duration wait = limiter.retryAfter(address);
        if (!wait.isZero()) {
            throw AcknowledgementRefusal.tooManyFailures();
        }
        String purpose = http.getHeader("Sec-Purpose");
        return new ClientRequest(
                http.method().name(),
                address,
                http.getHeader("User-Agent"),
                http.getHeader("Accept-Language"),
                purpose != null ? purpose : http.getHeader("Purpose"));
    }

    private static Response seeOther(String location) {
        // An absolute URI built from heed.links.base-url: a relative one would be resolved against the Host header.
        return Response.seeOther(URI.create(location)).build();
    }
}
