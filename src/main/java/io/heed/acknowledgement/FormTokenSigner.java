package io.heed.acknowledgement;

import io.heed.security.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;

/**
 * The CSRF token of the acknowledgement page's forms, stateless: {@code <issued epoch second>.<base64url MAC>}
 * where the MAC is HMAC-SHA256 (truncated to 128 bits) over the recipient id and the issue time, under a secret
 * derived from the link signing key. Only a page rendered for that recipient carries a valid one; it expires
 * after {@code heed.acknowledgement.form-validity}. No cookie and no session, so any replica checks it, and it
 * does not depend on the Origin header (browsers send {@code Origin: null} under {@code Referrer-Policy:
 * no-referrer}).
 */
@ApplicationScoped
class FormTokenSigner {

    static final String PURPOSE = "ack-form";
    private static final byte[] DOMAIN = "heed-ack-form-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 16;
    /** Clocks of replicas may differ a little; a token from slightly in the future is still accepted. */
    private static final long SKEW_SECONDS = 60;

    @Inject
    LinkTokens linkTokens;

    @Inject
    AcknowledgementConfig config;

    String issue(long recipientId, Instant now) {
        long issued = now.getEpochSecond();
        return issued + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(recipientId, issued));
    }

    /** True when {@code token} was issued for this recipient and has not expired; constant time in the MAC. */
    boolean verify(String token, long recipientId, Instant now) {
        if (token == null || token.length() > 64) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long issued;
        byte[] given;
        try {
            issued = Long.parseLong(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        long age = now.getEpochSecond() - issued;
        boolean fresh = age >= -SKEW_SECONDS && age <= config.formValidity().toSeconds();
        return MessageDigest.isEqual(mac(recipientId, issued), given) && fresh;
    }

    private byte[] mac(long recipientId, long issued) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(linkTokens.derivedKey(PURPOSE));
            hmac.update(DOMAIN);
            hmac.update(ByteBuffer.allocate(2 * Long.BYTES)
                    .putLong(recipientId)
                    .putLong(issued)
                    .array());
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(hmac.doFinal(), 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
