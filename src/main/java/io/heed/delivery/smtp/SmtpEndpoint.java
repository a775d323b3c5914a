package io.heed.delivery.smtp;

/** Where mail goes: the configured SMTP server, or the built-in catcher. Password never logged. */
public record SmtpEndpoint(String host, int port, SmtpConfig.Tls tls, String username, String password) {

    String protocol() {
        return tls == SmtpConfig.Tls.SMTPS ? "smtps" : "smtp";
    }

    @Override
    public String toString() {
        return protocol() + "://" + (username == null ? "" : username + "@") + host + ":" + port + " (TLS: "
                + tls.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
