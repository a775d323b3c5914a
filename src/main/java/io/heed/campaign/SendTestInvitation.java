package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.delivery.NewMessage;
import io.heed.delivery.Outbox;
import io.heed.directory.Employee;
import io.heed.platform.EmailAddresses;
import io.heed.platform.LanguageTags;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * Queues a test send of a campaign's invitation to any address, filled with an employee's data or a sample
 * reader's, in the test stream of the campaign (so pausing the campaign does not hold it). It is rendered when
 * due by {@link CampaignMailComposer}, marked as a test and never counted. Audited.
 */
@ApplicationScoped
public class SendTestInvitation {

    /** What to send: to whom, as which employee (null: a sample reader), in which language (null: theirs). */
    public record Request(String to, String asEmployee, String locale) {}

    /** The test send queued: its id and the address it goes to. */
    public record Queued(long id, String to) {}

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Transactional
    public Queued send(long campaignId, Request request, String actor) {
        if (request == null) {
            throw Refusal.invalid("A JSON body with 'to' is required.");
        }
        Campaign campaign = Campaign.require(campaignId);
        String to = request.to() == null ? null : request.to().trim();
        if (!EmailAddresses.isValid(to)) {
            throw Refusal.invalid("to: a valid e-mail address is required.");
        }
        String asEmployee = request.asEmployee();
        if (asEmployee != null && Employee.findByEmail(asEmployee).isEmpty()) {
            throw Refusal.invalid("asEmployee: no employee " + asEmployee + " in the directory.");
        }
        String locale = request.locale();
        if (locale != null && !LanguageTags.isValid(locale)) {
            throw Refusal.invalid("locale: '" + locale + "' is not a BCP 47 language tag.");
        }
        CampaignTestSend send = new CampaignTestSend();
        send.campaignId = campaignId;
        send.toAddress = to;
        send.asEmployeeEmail = asEmployee;
        send.locale = locale != null
                ? locale
                : asEmployee != null ? Employee.findByEmail(asEmployee).get().locale : "en";
        send.createdBy = actor;
        send.createdAt = clock.instant();
        send.persist();
        CampaignMessage message = new CampaignMessage.TestSend(send.id);
        outbox.enqueue(new NewMessage(
                message.kind(),
                message.reference(),
                send.toAddress,
                CampaignStreams.testsOf(campaign.id),
                send.createdAt,
                true));
        auditLog.record(actor, "campaign.test-send", Campaign.auditTarget(campaignId), Map.of("to", send.toAddress));
        return new Queued(send.id, send.toAddress);
    }
}
