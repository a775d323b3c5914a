package io.heed.delivery.smtp;

/**
 * Text from data (a name, a subject) made safe for one header line: every control character, CR and LF
 * included, becomes a space, so a value can never end its header and start another. Jakarta Mail then encodes
 * non-ASCII text (RFC 2047) and folds long lines itself.
 */
final class HeaderText {

    private HeaderText() {}

    static String singleLine(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control || Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
