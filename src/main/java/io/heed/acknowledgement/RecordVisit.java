package io.heed.acknowledgement;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Someone opened a personal page (GET or HEAD): check the link, note the visit, and hand back what the page
 * shows. Never changes an answer: mail gateways open every link before the employee does. Costs one indexed
 * read, plus one small update the first time a recipient is seen (and the first time they look human); the visit
 * itself goes to the batched {@link VisitLog}. Runs without a transaction: each statement commits on its own.
 */
@ApplicationScoped
public class RecordVisit {

    // coalesce keeps the earliest time when two first visits race: the second update re-reads the first's row.
    private static final String FIRST_VISIT = """
            update recipient
               set first_visit_at = coalesce(first_visit_at, ?),
                   first_human_visit_at = case when ? then coalesce(first_human_visit_at, ?)
                                               else first_human_visit_at end
             where id = ?""";

    /** What the page shows: the recipient's sheet and a fresh CSRF token for its forms. */
    record Visited(AnswerSheet sheet, String formToken) {}

    @Inject
    PersonalLinks links;

    @Inject
    ScannerHeuristics heuristics;

    @Inject
    ClientAddresses addresses;

    @Inject
    VisitLog visitLog;

    @Inject
    FormTokens formTokens;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** @throws AcknowledgementRefusal 404 when the token is not a valid link */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    Visited visit(String token, ClientRequest request) {
        AnswerSheet sheet = links.open(token, false).orElseThrow(AcknowledgementRefusal::notFound);
        Instant now = clock.instant();
        String signals = heuristics.signals(request, sheet.sentAt(), now);
        boolean human = signals == null;
        if (sheet.firstVisitAt() == null || (human && sheet.firstHumanVisitAt() == null)) {
            recordFirstVisit(sheet.recipientId(), human, now);
        }
        visitLog.append(new VisitLog.Visit(
                sheet.recipientId(),
                sheet.campaignId(),
                now,
                request.method(),
                signals,
                addresses.hash(request.address()),
                request.storedUserAgent()));
        return new Visited(sheet, formTokens.issue(sheet.recipientId(), now));
    }

    private void recordFirstVisit(long recipientId, boolean human, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(FIRST_VISIT)) {
            Timestamp at = Timestamp.from(now);
            update.setTimestamp(1, at);
            update.setBoolean(2, human);
            update.setTimestamp(3, at);
            update.setLong(4, recipientId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a recipient's first visit", e);
        }
    }
}
