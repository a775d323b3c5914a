package io.heed.acknowledgement;

import io.heed.security.ClientAddressHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Someone opened a personal page (GET or HEAD): check the link, note the visit, and hand back what the page
 * shows. Never changes an answer: mail gateways open every link before the employee does. Costs one indexed
 * read; the visit (and, the first time, the recipient's first-visit times) is written by the batched
 * {@link VisitLog}, so a page view waits for no write.
 */
@ApplicationScoped
class RecordVisit {

    /** What the page shows: the recipient's sheet and a fresh CSRF token for its forms. */
    record Visited(AnswerSheet sheet, String formToken) {}

    @Inject
    PersonalLinks links;

    @Inject
    ScannerHeuristics heuristics;

    @Inject
    ClientAddressHash addresses;

    @Inject
    VisitLog visitLog;

    @Inject
    FormTokenSigner formTokens;

    @Inject
    Clock clock;

    /** @throws AcknowledgementRefusal 404 when the token is not a valid link */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    Visited visit(String token, ClientRequest request) {
        AnswerSheet sheet = links.open(token, false).orElseThrow(AcknowledgementRefusal::notFound);
        Instant now = clock.instant();
        visitLog.append(new VisitLog.Visit(
                sheet.recipientId(),
                sheet.campaignId(),
                now,
                request.method(),
                heuristics.signals(request, sheet.sentAt(), now),
                addresses.hash(request.address()),
                request.storedUserAgent()));
        return new Visited(sheet, formTokens.issue(sheet.recipientId(), now));
    }
}
