package io.heed.console.campaigns;

import io.heed.campaign.Audience;
import io.heed.campaign.CampaignRequest;
import io.heed.campaign.CampaignView;
import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the wizard's forms show and send, as the text that was entered (kept as entered when a step is refused),
 * named after the API's fields ({@code audience.regions}, {@code reminders.max}, {@code deadlines.EMEA}) so a
 * refusal lands beside its field. Turns a step's fields into the {@link CampaignRequest} the campaign API takes:
 * the campaign as saved, with that step's fields replaced.
 */
final class WizardForm {

    /** How a schedule sends: everyone now, everyone at a time, or each person at a local time. */
    static final List<String> MODES = List.of("now", "at", "local");

    private final Map<String, String> values;
    private final Map<String, List<String>> lists;

    private WizardForm(Map<String, String> values, Map<String, List<String>> lists) {
        this.values = values;
        this.lists = lists;
    }

    static WizardForm empty() {
        return new WizardForm(new HashMap<>(), new HashMap<>());
    }

    /** The form of a saved campaign. */
    static WizardForm of(CampaignView c) {
        Map<String, String> v = new HashMap<>();
        Map<String, List<String>> l = new HashMap<>();
        v.put("name", c.name());
        v.put("playbook", c.playbook());
        Audience a = c.audience() == null ? Audience.EVERYONE : c.audience();
        l.put("audience.regions", a.regions());
        v.put("audience.departments", String.join(", ", a.departments()));
        v.put("audience.countries", String.join(", ", a.countries()));
        v.put("audience.includeEmails", String.join("\n", a.includeEmails()));
        v.put("audience.excludeEmails", String.join("\n", a.excludeEmails()));
        v.put("mode", c.localSendTime() != null ? "local" : c.sendAt() != null ? "at" : "now");
        v.put(
                "sendAt",
                c.sendAt() == null
                        ? ""
                        : LocalDateTime.ofInstant(c.sendAt(), ZoneOffset.UTC).toString());
        v.put("localSendTime", c.localSendTime() == null ? "09:00" : c.localSendTime());
        v.put("spreadOver", c.spreadOver() == null ? "" : c.spreadOver());
        v.put(
                "ratePerMinute",
                c.ratePerMinute() == null ? "" : c.ratePerMinute().toString());
        if (c.reminders() != null) {
            v.put("reminders.everyDays", String.valueOf(c.reminders().everyDays()));
            v.put("reminders.max", String.valueOf(c.reminders().max()));
        }
        v.put(
                "escalateToManagerAfterDays",
                c.escalateToManagerAfterDays() == null
                        ? ""
                        : c.escalateToManagerAfterDays().toString());
        if (c.deadlines() != null) {
            c.deadlines().forEach((region, date) -> v.put("deadlines." + region, date.toString()));
        }
        return new WizardForm(v, l);
    }

    /** The saved campaign's form with what was posted on top. */
    WizardForm with(MultivaluedMap<String, String> posted) {
        Map<String, String> v = new HashMap<>(values);
        Map<String, List<String>> l = new HashMap<>(lists);
        posted.forEach((name, entered) -> {
            if (name.equals("audience.regions")) {
                l.put(name, entered.stream().filter(s -> !s.isBlank()).toList());
            } else if (!entered.isEmpty()) {
                v.put(name, entered.get(0));
            }
        });
        // Unticking every region posts nothing for it: the audience step always says which it has.
        if (posted.containsKey("step.audience") && !posted.containsKey("audience.regions")) {
            l.put("audience.regions", List.of());
        }
        return new WizardForm(v, l);
    }

    /** What field {@code name} shows: as entered or saved, empty for none. */
    public String v(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    /** What field {@code name} shows, or {@code fallback} when nothing was entered. */
    public String or(String name, String fallback) {
        return v(name).isBlank() ? fallback : v(name);
    }

    public boolean is(String name, String value) {
        return v(name).equals(value);
    }

    public boolean checked(String name, String value) {
        return lists.getOrDefault(name, List.of()).contains(value);
    }

    public List<String> list(String name) {
        return lists.getOrDefault(name, List.of());
    }

    Audience audience() {
        return new Audience(
                list("audience.regions"),
                split(v("audience.departments")),
                split(v("audience.countries")).stream().map(String::toUpperCase).toList(),
                split(v("audience.includeEmails")),
                split(v("audience.excludeEmails")));
    }

    /** The whole campaign as the form now has it, for the API's use cases; unreadable text is refused by field. */
    CampaignRequest request() {
        List<FieldProblem> problems = new ArrayList<>();
        String mode = MODES.contains(v("mode")) ? v("mode") : "now";
        Instant sendAt = null;
        if (!mode.equals("now") && !v("sendAt").isBlank()) {
            try {
                sendAt = LocalDateTime.parse(v("sendAt")).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("sendAt", "not a date and time (YYYY-MM-DDTHH:MM, UTC)"));
            }
        } else if (mode.equals("at")) {
            problems.add(new FieldProblem("sendAt", "required to send at a time"));
        }
        String localSendTime = null;
        if (mode.equals("local")) {
            localSendTime = v("localSendTime").isBlank() ? null : v("localSendTime");
            if (localSendTime == null) {
                problems.add(new FieldProblem("localSendTime", "required to send at each person's local time"));
            }
        }
        Integer rate = number("ratePerMinute", problems);
        Integer everyDays = number("reminders.everyDays", problems);
        Integer max = number("reminders.max", problems);
        Integer escalate = number("escalateToManagerAfterDays", problems);
        Map<String, LocalDate> deadlines = new TreeMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("deadlines.") && !value.isBlank()) {
                try {
                    deadlines.put(name.substring("deadlines.".length()), LocalDate.parse(value));
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem(name, "not a date (YYYY-MM-DD)"));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The campaign has invalid fields.", problems);
        }
        return new CampaignRequest(
                v("name"),
                v("playbook"),
                audience(),
                sendAt,
                localSendTime,
                v("spreadOver").isBlank() ? null : v("spreadOver"),
                rate,
                everyDays == null && max == null ? null : new CampaignRequest.Reminders(everyDays, max),
                deadlines,
                escalate);
    }

    private Integer number(String name, List<FieldProblem> problems) {
        String value = v(name).trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "not a whole number"));
            return null;
        }
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split("[,;\\s]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    /** Field → value, for the tests' and the templates' eyes only. */
    Map<String, String> values() {
        return new LinkedHashMap<>(values);
    }
}
