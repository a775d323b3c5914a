package io.heed.delivery.catcher;

import io.heed.delivery.smtp.SmtpSender;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The built-in mail catcher's mailbox, for admins: every caught message with its headers, its text with
 * clickable links, and its HTML in a sandboxed frame. Server-rendered; every value is escaped by the template.
 */
@Path("/dev/mailbox")
@RolesAllowed(Role.ADMIN_NAME)
class MailboxResource {

    static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mailbox(Mailbox mailbox);
    }

    /** What the page shows; {@code sendingTo} names the SMTP server when the catcher is off. */
    record Mailbox(boolean catcherRunning, String sendingTo, int total, List<CaughtMail> mails) {}

    @Inject
    MailCatcher catcher;

    @Inject
    SmtpSender sender;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance mailbox() {
        if (!catcher.running()) {
            return Templates.mailbox(new Mailbox(false, sender.endpoint().toString(), 0, List.of()));
        }
        List<CaughtMail> mails =
                catcher.newest(SHOWN).stream().map(CaughtMail::of).toList();
        return Templates.mailbox(new Mailbox(true, null, catcher.count(), mails));
    }
}
