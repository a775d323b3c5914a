package io.heed.acknowledgement;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The acknowledgement page's own words (the playbook's text comes from the playbook). English here, German in
 * {@code messages/ack_de.properties}; a reader of any other language gets English.
 */
@MessageBundle("ack")
interface AcknowledgementText {

    @Message("Personal page: your answers are recorded for you. Please do not forward this link.")
    String personal();

    @Message("Campaign: {name}")
    String campaign(String name);

    @Message("Why it matters")
    String whyItMatters();

    @Message("What to do")
    String steps();

    @Message("Please complete by {date}.")
    String deadline(String date);

    @Message("{answered} of {total} steps answered")
    String progress(int answered, int total);

    @Message("All steps are answered. Thank you!")
    String complete();

    @Message("Your answer is saved.")
    String saved();

    @Message("This campaign has ended. Your answers are shown as recorded and can no longer be changed.")
    String ended();

    @Message("Step {number} of {total}")
    String stepNumber(int number, int total);

    @Message("Status:")
    String status();

    @Message("Open")
    String open();

    @Message("Done")
    String done();

    @Message("Not applicable")
    String notApplicable();

    @Message("answered")
    String answeredAt();

    @Message("with \"{label}\"")
    String viaPlaybook(String label);

    @Message("Open the page for this step")
    String openLink();

    @Message("(opens in a new tab)")
    String newTab();

    @Message("Mark as done")
    String markDone();

    @Message("Does not apply to me")
    String markNotApplicable();

    @Message("Your answer for this step")
    String answerFor();

    @Message("Does this apply to you?")
    String appliesHeading();

    @Message("This applies to you if {condition}.")
    String appliesIf(String condition);

    @Message("If it does not, answer once for every step:")
    String wholeNotApplicable();

    @Message("Source: {source}")
    String source(String source);

    @Message("This link is not valid")
    String notFoundTitle();

    @Message("Please open the link from your most recent e-mail, exactly as it was sent.")
    String notFoundText();

    @Message("This answer is not possible")
    String badRequestTitle();

    @Message("This step does not accept that answer. Nothing was recorded.")
    String badRequestText();

    @Message("This request cannot be handled")
    String requestTitle();

    @Message("Please open your page again from the link in your e-mail.")
    String requestText();

    @Message("Please reload the page")
    String formExpiredTitle();

    @Message(
            "The page was open for too long, or the form was incomplete. Nothing was recorded. Reload your page and answer again.")
    String formExpiredText();

    @Message("This campaign has ended")
    String endedTitle();

    @Message("Answers can no longer be given or changed. Your page still shows what you answered.")
    String endedText();

    @Message("Too many attempts")
    String tooManyTitle();

    @Message("Please wait a few minutes, then try again.")
    String tooManyText();

    @Message("Something went wrong")
    String errorTitle();

    @Message("Nothing was wrong on your side. Please try again in a moment.")
    String errorText();

    @Message("Back to your page")
    String backToPage();
}
