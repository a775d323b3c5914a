package io.heed.playbook;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A playbook as submitted, before it becomes a version: its definition, its template files (name to text)
 * and where they came from, so that every problem can name its file.
 *
 * @param definitionFile how problems name the definition, e.g. {@code linkedin-genai-optout/playbook.yaml}
 * @param templatePrefix how problems name a template: prefix + file name
 * @param lines where each part of the definition was written (JSON pointer to 1-based line); empty for JSON
 */
record PlaybookSource(
        PlaybookDefinition definition,
        SortedMap<String, String> templates,
        String definitionFile,
        String templatePrefix,
        Map<String, Integer> lines) {

    PlaybookSource {
        templates = new TreeMap<>(templates);
    }

    /**
     * The line of a JSON pointer such as {@code /steps/2/title}, or of its nearest located parent; a missing
     * top-level field is reported at line 1. 0 when the source has no lines (JSON over the API).
     */
    int lineOf(String pointer) {
        if (lines.isEmpty()) {
            return 0;
        }
        String p = pointer;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return 1;
    }

    PlaybookProblem problem(String pointer, String message) {
        return new PlaybookProblem(definitionFile, lineOf(pointer), message);
    }
}
