package io.heed.acknowledgement;

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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The employee's personal page, {@code /ack/<token>}: public (the token is the credential), server-rendered HTML
 * that works without JavaScript. GET and HEAD only look (and are logged as visits); the forms POST answers and
 * are redirected back to the page (Post/Redirect/Get). Every response here is HTML, refusals and errors included
 * (the mappers below take precedence over the JSON API's), and carries the headers of
 * {@link AcknowledgementResponseFilter}. No {@code @Consumes}/{@code @Produces}: a request of any type reaches the
 * methods and gets an HTML answer rather than a JSON 406/415.
 */
@Path("/ack")
@PermitAll
public class AcknowledgementResource {

    private static final Logger LOG = Logger.getLogger(AcknowledgementResource.class);

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

    @Inject
    ProblemPages problems;

    @GET
    @Path("/{token}")
    public Response page(
            @PathParam("token") String token, @QueryParam("saved") String saved, @Context HttpServerRequest http) {
        RecordVisit.Visited visited = recordVisit.visit(token, client(http));
        AnswerSheet sheet = visited.sheet();
        String lang = PageView.language(sheet.locale());
        PlaybookPageText.Text text = texts.of(sheet.playbookVersionId(), sheet.locale(), lang);
        PageView view = PageView.of(sheet, text, links.pageUrl(token), visited.formToken(), saved != null);
        return ProblemPages.html(
                200,
                Templates.page(view, PageStyle.CSS)
                        .setLocale(Locale.forLanguageTag(lang))
                        .render());
    }

    /** Link checkers and gateways often send HEAD: answered like GET, without a body, and logged as a visit. */
    @HEAD
    @Path("/{token}")
    public Response head(@PathParam("token") String token, @Context HttpServerRequest http) {
        recordVisit.visit(token, client(http));
        return ProblemPages.html(200, null);
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

    @ServerExceptionMapper
    public Response refused(AcknowledgementRefusal refusal, HttpServerRequest http) {
        String address = address(http);
        if (refusal.countsAsFailure()) {
            limiter.recordFailure(address);
        }
        return problems.refusal(refusal, http.getHeader("Accept-Language"), limiter.retryAfter(address));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest http) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, http);
        }
        limiter.recordFailure(address(http));
        return problems.status(status, http.getHeader("Accept-Language"));
    }

    /** Anything else: a generic page; the log gets the stack trace and an incident id, never the link. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest http) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on an acknowledgement page, incident %s", incident);
        return problems.status(500, http.getHeader("Accept-Language"));
    }

    /** What the use cases need to know of the request; refuses it first if its address is rate-limited. */
    private ClientRequest client(HttpServerRequest http) {
        String address = address(http);
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

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static Response seeOther(String location) {
        // An absolute URI built from heed.links.base-url: a relative one would be resolved against the Host header.
        return Response.seeOther(URI.create(location)).build();
    }
}
