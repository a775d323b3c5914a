package io.heed.acknowledgement;

import io.heed.security.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Turns the token of a personal link into the recipient's {@link AnswerSheet}, or nothing, with the checking
 * itself left to {@link LinkTokens}. Every token costs the same work whether it is malformed, names no recipient,
 * or carries a wrong MAC: one indexed read and one HMAC. So the time a refusal takes tells nothing about which
 * recipient ids exist.
 */
@ApplicationScoped
class PersonalLinks {

    /** A nonce no recipient has, to spend a MAC computation on a token that cannot be checked at all. */
    private static final byte[] NO_NONCE = new byte[LinkTokens.NONCE_BYTES];

    @Inject
    LinkTokens linkTokens;

    @Inject
    AnswerSheetQueries sheets;

    private volatile String decoy;

    /** The sheet the token is a valid link to; {@code forUpdate} locks the recipient (inside a transaction). */
    Optional<AnswerSheet> open(String token, boolean forUpdate) {
        Optional<Long> claimed = linkTokens.claimedRecipient(token);
        // A malformed token reads recipient -1 (no such row) and checks a decoy token instead.
        long recipientId = claimed.orElse(-1L);
        Optional<AnswerSheet> sheet = forUpdate ? sheets.lockAndRead(recipientId) : sheets.read(recipientId);
        boolean matches = linkTokens.matches(
                claimed.isPresent() ? token : decoy(),
                sheet.map(AnswerSheet::linkNonce).orElse(NO_NONCE));
        return claimed.isPresent() && sheet.isPresent() && matches ? sheet : Optional.empty();
    }

    /** The page's address ({@link LinkTokens#pageUrl}). */
    String pageUrl(String token) {
        return linkTokens.pageUrl(token);
    }

    private String decoy() {
        if (decoy == null) {
            // Signed over a random nonce, checked against NO_NONCE: a full MAC computation that never matches.
            decoy = linkTokens.token(0, LinkTokens.newNonce());
        }
        return decoy;
    }
}
