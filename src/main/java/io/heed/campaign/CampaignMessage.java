package io.heed.campaign;

import java.util.Map;

/**
 * A campaign's message as delivery carries it: its kind (which composer renders it) and its reference (what it
 * is about). The one place both are written and read back. SQL that queues these messages in bulk receives the
 * kind and the pieces of the reference as parameters ({@code :invitationKind as kind, :invitationPrefix || r.id
 * as reference}, from {@link Invitation#SQL}) instead of spelling them out.
 *
 * <p>Kinds and references are stored on queued outbox rows: their formats never change, or rows queued before an
 * upgrade would no longer be understood after it.
 */
sealed interface CampaignMessage {

    String INVITATION = "invitation";
    String REMINDER = "reminder";
    String ESCALATION = "escalation";
    String TEST = "campaign-test";

    String kind();

    String reference();

    /** A recipient's invitation: {@code recipient:<id>}. */
    record Invitation(long recipientId) implements CampaignMessage {

        static final String PREFIX = "recipient:";

        /** The parameters of SQL that builds invitations: {@code :invitationKind}, {@code :invitationPrefix}. */
        static final Map<String, Object> SQL = Map.of("invitationKind", INVITATION, "invitationPrefix", PREFIX);

        @Override
        public String kind() {
            return INVITATION;
        }

        @Override
        public String reference() {
            return PREFIX + recipientId;
        }
    }

    /** A recipient's {@code number}-th reminder (from 1): {@code recipient:<id>:reminder:<number>}. */
    record Reminder(long recipientId, int number) implements CampaignMessage {

        static final String SEPARATOR = ":reminder:";

        /**
         * The parameters of SQL that builds reminders: {@code :reminderKind}, and the reference
         * {@code :reminderPrefix || r.id || :reminderSeparator || r.reminders_sent}.
         */
        static final Map<String, Object> SQL =
                Map.of("reminderKind", REMINDER, "reminderPrefix", Invitation.PREFIX, "reminderSeparator", SEPARATOR);

        @Override
        public String kind() {
            return REMINDER;
        }

        @Override
        public String reference() {
            return Invitation.PREFIX + recipientId + SEPARATOR + number;
        }
    }

    /** The summary a manager gets of their reports still open: {@code escalation:<campaign_escalation id>}. */
    record Escalation(long escalationId) implements CampaignMessage {

        static final String PREFIX = "escalation:";

        /** The parameters of SQL that builds escalations: {@code :escalationKind}, {@code :escalationPrefix}. */
        static final Map<String, Object> SQL = Map.of("escalationKind", ESCALATION, "escalationPrefix", PREFIX);

        @Override
        public String kind() {
            return ESCALATION;
        }

        @Override
        public String reference() {
            return PREFIX + escalationId;
        }
    }

    /** A test send of the invitation: {@code test-send:<campaign_test_send id>}. */
    record TestSend(long testSendId) implements CampaignMessage {

        static final String PREFIX = "test-send:";

        @Override
        public String kind() {
            return TEST;
        }

        @Override
        public String reference() {
            return PREFIX + testSendId;
        }
    }

    /** True for the kinds of message a campaign sends. */
    static boolean isCampaignKind(String kind) {
        return INVITATION.equals(kind) || REMINDER.equals(kind) || ESCALATION.equals(kind) || TEST.equals(kind);
    }

    /**
     * The message a kind and reference stand for.
     *
     * @throws IllegalArgumentException if the kind is not a campaign's or the reference does not fit it
     */
    static CampaignMessage parse(String kind, String reference) {
        if (kind == null || reference == null) {
            throw new IllegalArgumentException("A campaign message needs a kind and a reference");
        }
        try {
            switch (kind) {
                case INVITATION:
                    return new Invitation(Long.parseLong(after(Invitation.PREFIX, reference)));
                case REMINDER: {
                    String rest = after(Invitation.PREFIX, reference);
                    int separator = rest.indexOf(Reminder.SEPARATOR);
                    if (separator < 0) {
                        throw new IllegalArgumentException("no " + Reminder.SEPARATOR);
                    }
                    return new Reminder(
                            Long.parseLong(rest.substring(0, separator)),
                            Integer.parseInt(rest.substring(separator + Reminder.SEPARATOR.length())));
                }
                case ESCALATION:
                    return new Escalation(Long.parseLong(after(Escalation.PREFIX, reference)));
                case TEST:
                    return new TestSend(Long.parseLong(after(TestSend.PREFIX, reference)));
                default:
                    throw new IllegalArgumentException("Not a kind of campaign message: " + kind);
            }
        } catch (IllegalArgumentException e) {
            if (!isCampaignKind(kind)) {
                throw e;
            }
            throw new IllegalArgumentException("Not a reference of a campaign " + kind + ": " + reference, e);
        }
    }

    private static String after(String prefix, String reference) {
        if (!reference.startsWith(prefix)) {
            throw new IllegalArgumentException("no " + prefix);
        }
        return reference.substring(prefix.length());
    }
}
