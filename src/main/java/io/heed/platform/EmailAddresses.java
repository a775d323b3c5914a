package io.heed.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for what Heed accepts as an e-mail address and how it compares them: trimmed, case-insensitive.
 * Deliberately stricter than RFC 5322 (no quoted local parts, no IP literals, no comments): an address that
 * passes here is one a corporate mail system delivers to, and it can never carry CR, LF or other header syntax.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;

    private static final Pattern ADDRESS = Pattern.compile(
            // local part: dot-separated atoms of letters, digits and RFC 5322 atext symbols (Unicode letters
            // allowed for internationalised addresses)
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    // domain: at least two labels, no leading or trailing hyphen
                    + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
                    + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    private EmailAddresses() {}

    public static boolean isValid(String address) {
        return address != null
                && address.length() <= MAX_LENGTH
                && address.indexOf('@') <= 64
                && ADDRESS.matcher(address).matches();
    }

    /** The comparison key: trimmed and lower-cased. */
    public static String key(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
