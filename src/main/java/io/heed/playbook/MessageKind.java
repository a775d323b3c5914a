package io.heed.playbook;

import java.util.Locale;

/** The e-mails a playbook provides templates for: {@code <kind>.html} and {@code <kind>.txt}, per locale. */
public enum MessageKind {
    INVITATION,
    REMINDER;

    /** The name used in template file names and in {@code subjects}: {@code invitation}, {@code reminder}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
