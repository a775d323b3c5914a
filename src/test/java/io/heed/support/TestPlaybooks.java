package io.heed.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small valid playbook, as the JSON body of POST /api/v1/playbooks. */
public final class TestPlaybooks {

    private TestPlaybooks() {}

    public static Map<String, Object> minimal(String key, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("title", title);
        body.put("summary", "Rotate your passwords.");
        body.put("subjects", Map.of("invitation", "Rotate your passwords", "reminder", "Still to do: rotate"));
        body.put(
                "steps",
                List.of(
                        Map.of(
                                "key",
                                "rotate",
                                "title",
                                "Rotate",
                                "instructions",
                                "Change it.",
                                "url",
                                "https://example.com"),
                        Map.of(
                                "key",
                                "mfa",
                                "title",
                                "Enable MFA",
                                "instructions",
                                "Turn it on.",
                                "notApplicableAllowed",
                                true)));
        body.put(
                "templates",
                Map.of(
                        "invitation.html", "<p>Hi {recipient.name}</p><a href=\"{link}\">go</a>",
                        "invitation.txt", "Hi {recipient.name} {link}",
                        "reminder.html", "<p>Again {recipient.name}</p><a href=\"{link}\">go</a>",
                        "reminder.txt", "Again {recipient.name} {link}"));
        return body;
    }
}
