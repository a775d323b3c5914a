package io.heed.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LinkTokensTest {

    @Inject
    LinkTokens tokens;

    @Test
    void aTokenNamesItsRecipientAndOnlyMatchesTheirNonce() {
        byte[] nonce = LinkTokens.newNonce();
        String token = tokens.token(42, nonce);
        assertEquals(Optional.of(42L), tokens.claimedRecipient(token));
        assertTrue(tokens.matches(token, nonce));
        assertFalse(tokens.matches(token, LinkTokens.newNonce()), "another recipient's nonce");
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{32}"), token);
    }

    @Test
    void anyChangedCharacterBreaksIt() {
        byte[] nonce = LinkTokens.newNonce();
        String token = tokens.token(7, nonce);
        for (int i = token.indexOf('.') + 1; i < token.length(); i++) {
            char c = token.charAt(i);
            String tampered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertFalse(tokens.matches(tampered, nonce), "position " + i);
        }
        assertEquals(Optional.empty(), tokens.claimedRecipient("nokey.AAAA"));
        assertEquals(Optional.empty(), tokens.claimedRecipient("garbage"));
        assertEquals(Optional.empty(), tokens.claimedRecipient(null));
    }

    /** Keys rotate: new links use the first configured key, links made with an older one keep working. */
    @Test
    void keysRotate() {
        String oldKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        byte[] newSecret = new byte[32];
        newSecret[0] = 1;
        String newKey = java.util.Base64.getEncoder().encodeToString(newSecret);
        byte[] nonce = LinkTokens.newNonce();

        LinkTokens before = configured("k1:" + oldKey);
        String oldToken = before.token(5, nonce);
        LinkTokens after = configured("k2:" + newKey + ", k1:" + oldKey);
        assertTrue(after.token(5, nonce).startsWith("k2."), "new links are signed with the newest key");
        assertTrue(after.matches(oldToken, nonce), "old links still verify");
        LinkTokens retired = configured("k2:" + newKey);
        assertFalse(retired.matches(oldToken, nonce), "a removed key revokes its links");
    }

    private static LinkTokens configured(String keys) {
        LinkTokens tokens = new LinkTokens();
        tokens.config = new LinkConfig() {
            @Override
            public String baseUrl() {
                return "https://heed.example";
            }

            @Override
            public Optional<String> keys() {
                return Optional.of(keys);
            }
        };
        tokens.load();
        return tokens;
    }

    @Test
    void linksUseTheConfiguredBaseUrlNeverTheRequest() {
        String link = tokens.link(1, LinkTokens.newNonce());
        assertTrue(link.startsWith("http://localhost:8080/ack/"), link);
    }

    @Test
    void fingerprintsDoNotRevealTheToken() {
        String token = tokens.token(3, LinkTokens.newNonce());
        String fingerprint = LinkTokens.fingerprint(token);
        assertEquals(12, fingerprint.length());
        assertNotEquals(token.substring(0, 12), fingerprint);
    }
}
