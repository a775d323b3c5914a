package io.heed.delivery.catcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the mailbox page cuts a caught message's text, without a server. */
class CaughtMailTest {

    @Test
    void onlyHttpLinksInCaughtTextBecomeLinks() {
        var pieces =
                CaughtMail.pieces("See https://heed.example/a?b=1&c=2. Or javascript:alert(1) or http://x.example)");
        assertEquals(
                List.of(
                        new CaughtMail.Piece("See ", false),
                        new CaughtMail.Piece("https://heed.example/a?b=1&c=2", true),
                        new CaughtMail.Piece(". Or javascript:alert(1) or ", false),
                        new CaughtMail.Piece("http://x.example", true),
                        new CaughtMail.Piece(")", false)),
                pieces);
    }
}
