package io.heed.console;

import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refused form shows: each field's problem beside the field, and a sentence above the form for what
 * belongs to no field. Built from the use case's {@link Refusal}: field names are the API's ({@code name},
 * {@code audience.countries}, {@code reminders.max}), so a form names its inputs after them.
 *
 * @param summary the refusal's reason, shown above the form (null when nothing was refused)
 * @param fields field name → its problem
 */
public record FormErrors(String summary, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public static FormErrors of(Refusal refusal) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem problem : refusal.problems()) {
            fields.merge(problem.field(), problem.reason(), (a, b) -> a + "; " + b);
        }
        String reason = refusal.reason();
        // "name: required" style reasons name their field.
        int colon = reason.indexOf(':');
        if (fields.isEmpty()
                && colon > 0
                && colon < 40
                && reason.substring(0, colon).matches("[A-Za-z.\\[\\]0-9]+")) {
            fields.put(reason.substring(0, colon), reason.substring(colon + 1).trim());
        }
        return new FormErrors(reason, fields);
    }

    public static FormErrors field(String field, String problem) {
        return new FormErrors("Please correct the marked field.", Map.of(field, problem));
    }

    public boolean any() {
        return summary != null || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The problem of {@code field}, or null. */
    public String of(String field) {
        return fields.get(field);
    }
}
