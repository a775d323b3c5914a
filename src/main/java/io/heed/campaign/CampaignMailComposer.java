package io.heed.campaign;

import io.heed.delivery.ComposedMail;
import io.heed.delivery.MessageComposer;
import io.heed.delivery.QueuedMessage;
import io.heed.playbook.MessageKind;
import io.heed.playbook.PlaybookVersion;
import io.heed.playbook.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Delivery's {@link MessageComposer} for a campaign's mail, rendered when it is due: invitations and reminders
 * from the pinned playbook version in the recipient's language with their personal link, manager escalations
 * ({@link EscalationMail}) and test sends. A message its campaign no longer wants (closed, cancelled, the
 * recipient done before a reminder) is declined.
 */
@ApplicationScoped
class CampaignMailComposer implements MessageComposer {

    @Inject
    RecipientMail mail;

    @Inject
    EscalationMail escalations;

    @Override
    public boolean handles(String kind) {
        return CampaignMessage.isCampaignKind(kind);
    }

    @Override
    @Transactional
    public Optional<ComposedMail> compose(QueuedMessage queued) {
        CampaignMessage message = CampaignMessage.parse(queued.kind(), queued.reference());
        if (message instanceof CampaignMessage.Invitation invitation) {
            return toRecipient(invitation.recipientId(), MessageKind.INVITATION, 0);
        }
        if (message instanceof CampaignMessage.Reminder reminder) {
            return toRecipient(reminder.recipientId(), MessageKind.REMINDER, reminder.number());
        }
        if (message instanceof CampaignMessage.Escalation escalation) {
            return escalations.compose(escalation.escalationId());
        }
        if (message instanceof CampaignMessage.TestSend test) {
            return testSend(test.testSendId());
        }
        throw new IllegalStateException("Unknown campaign message " + message);
    }

    private Optional<ComposedMail> toRecipient(long recipientId, MessageKind kind, int reminder) {
        Recipient recipient = Recipient.findById(recipientId);
        Campaign campaign = recipient == null ? null : Campaign.findById(recipient.campaignId);
        if (campaign == null || !campaign.running()) {
            return Optional.empty(); // cancelled or closed since it was queued
        }
        if (kind == MessageKind.REMINDER && recipient.completedAt != null) {
            return Optional.empty(); // done in the meantime: no nagging
        }
        RenderedMessage rendered = mail.render(campaign, recipient, kind, reminder);
        return Optional.of(new ComposedMail(recipient.name, rendered.subject(), rendered.text(), rendered.html()));
    }

    private Optional<ComposedMail> testSend(long testSendId) {
        CampaignTestSend send = CampaignTestSend.findById(testSendId);
        Campaign campaign = send == null ? null : Campaign.findById(send.campaignId);
        Optional<PlaybookVersion> version = campaign == null ? Optional.empty() : mail.version(campaign);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        RecipientMail.Reader reader = send.reader(campaign);
        RenderedMessage m =
                mail.render(campaign, version.get().id, MessageKind.INVITATION, 0, reader, mail.placeholderLink());
        return Optional.of(new ComposedMail(reader.name(), "[TEST] " + m.subject(), m.text(), m.html()));
    }
}
