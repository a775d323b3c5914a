package io.heed.playbook;

/**
 * One thing wrong with a playbook, located as precisely as possible: {@code file} is the playbook file or
 * template (e.g. {@code linkedin-genai-optout/playbook.yaml}), {@code line} its 1-based line or 0 when unknown.
 */
record PlaybookProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
