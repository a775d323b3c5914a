package io.heed.console;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A one-time message shown on the page a form redirects to ("Campaign launched to 12,400 recipients."). Carried
 * in a short-lived cookie across the redirect, shown once, then cleared; escaped like any text on output.
 *
 * @param kind {@code success}, {@code info} or {@code error}
 */
public record Flash(String kind, String text) {

    static final String COOKIE = "heed_flash";

    public static Flash success(String text) {
        return new Flash("success", text);
    }

    public static Flash info(String text) {
        return new Flash("info", text);
    }

    public static Flash error(String text) {
        return new Flash("error", text);
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((kind + ":" + text).getBytes(StandardCharsets.UTF_8));
    }

    static Flash decode(String value) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String kind = colon < 0 ? "info" : decoded.substring(0, colon);
            if (!kind.equals("success") && !kind.equals("error")) {
                kind = "info";
            }
            String text = colon < 0 ? decoded : decoded.substring(colon + 1);
            return new Flash(kind, text.length() > 500 ? text.substring(0, 500) : text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
