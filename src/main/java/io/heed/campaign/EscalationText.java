package io.heed.campaign;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the manager escalation e-mail; German in {@code messages/escalation_de.properties}. */
@MessageBundle("escalation")
interface EscalationText {

    @Message("Open security steps in your team: {campaign}")
    String subject(String campaign);

    @Message("Hello {name},")
    String greeting(String name);

    @Message(
            "{count} of your reports have not yet confirmed the steps of \"{campaign}\", {days} days after the request went out:")
    String intro(int count, String campaign, int days);

    @Message("Please remind them personally; each of them received a personal link by e-mail.")
    String ask();

    @Message("You receive this summary once per campaign.")
    String once();
}
