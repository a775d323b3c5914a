package io.heed.acknowledgement;

import io.heed.platform.error.Refusal;
import java.util.List;

/**
 * Why an acknowledgement request is refused; {@link AcknowledgementErrorPages} renders each as an HTML page.
 * Thrown before anything is written (or inside the transaction it rolls back). Carries no detail about the link:
 * a refusal of an unknown link looks the same whatever was wrong with it.
 */
class AcknowledgementRefusal extends Refusal {

    /** The kinds of refusal of the employee page. */
    enum Reason {
        /** Unknown, malformed or tampered link. */
        NOT_FOUND(Kind.NOT_FOUND),
        /** A step the playbook does not have, an answer that is not allowed for it, or a malformed form. */
        BAD_REQUEST(Kind.INVALID),
        /** The form's CSRF token is missing, wrong or expired: the page must be reloaded. */
        FORM_EXPIRED(Kind.FORBIDDEN),
        /** The campaign is closed or cancelled: answers are read-only. */
        CAMPAIGN_ENDED(Kind.CONFLICT),
        /** Too many failed requests from this address. */
        TOO_MANY_FAILURES(Kind.RATE_LIMITED);

        final Kind kind;

        Reason(Kind kind) {
            this.kind = kind;
        }
    }

    private final Reason reason;
    private final transient AnswerSheet sheet;
    private final String pageUrl;

    /** A refusal of a request made with a valid link: {@code sheet} is its recipient, {@code pageUrl} their page. */
    AcknowledgementRefusal(Reason reason, AnswerSheet sheet, String pageUrl) {
        super(reason.kind, reason.name(), List.of(), null, null);
        this.reason = reason;
        this.sheet = sheet;
        this.pageUrl = pageUrl;
    }

    static AcknowledgementRefusal notFound() {
        return new AcknowledgementRefusal(Reason.NOT_FOUND, null, null);
    }

    static AcknowledgementRefusal tooManyFailures() {
        return new AcknowledgementRefusal(Reason.TOO_MANY_FAILURES, null, null);
    }

    Reason why() {
        return reason;
    }

    /** The recipient whose valid link was used, when there was one (for their language). */
    AnswerSheet sheet() {
        return sheet;
    }

    /** The page of the valid link the request was made with, or null. */
    String pageUrl() {
        return pageUrl;
    }

    /** Whether the refusal counts as a failure towards the address's rate limit. */
    boolean countsAsFailure() {
        return reason == Reason.NOT_FOUND || reason == Reason.BAD_REQUEST || reason == Reason.FORM_EXPIRED;
    }
}
