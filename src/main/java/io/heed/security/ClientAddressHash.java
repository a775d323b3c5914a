package io.heed.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * Client addresses as Heed stores them: a keyed hash (HMAC-SHA256 under a secret derived from the link signing
 * key, 128 bits in hex), never the address. Equal addresses give equal hashes, so an auditor can see that one
 * address answered for many people; a plain SHA-256 of an IPv4 address would be reversed by trying all 2³²,
 * this one cannot be without the key. Hashes are comparable while the signing key stays the same. The employee
 * pages hash the addresses of visits and answers with it, the sign-in throttle the addresses that fail.
 */
@ApplicationScoped
public class ClientAddressHash {

    static final String PURPOSE = "client-address";

    @Inject
    LinkTokens linkTokens;

    /** The address the HTTP layer reports for the request ({@code unknown} if none). */
    public static String remote(io.vertx.core.http.HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    public String hash(String address) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(linkTokens.derivedKey(PURPOSE));
            byte[] full = hmac.doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(full, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
