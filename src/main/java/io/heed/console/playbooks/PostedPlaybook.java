package io.heed.console.playbooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The edit form's fields as posted, to save, to preview live, or to add and remove rows. */
class PostedPlaybook {

    @RestForm
    public String action;

    @RestForm
    public boolean isNew;

    @RestForm
    public Integer baseVersion;

    @RestForm
    public String key;

    @RestForm
    public String title;

    @RestForm
    public String summary;

    @RestForm
    public String whyItMatters;

    @RestForm
    public String source;

    @RestForm
    public String appliesIf;

    @RestForm
    public String notApplicableLabel;

    @RestForm
    public String subjectInvitation;

    @RestForm
    public String subjectReminder;

    @RestForm
    public String translations;

    @RestForm
    public List<String> stepKey;

    @RestForm
    public List<String> stepTitle;

    @RestForm
    public List<String> stepInstructions;

    @RestForm
    public List<String> stepUrl;

    @RestForm
    public List<String> stepNotApplicable;

    @RestForm
    public List<String> deadlineAppliesTo;

    @RestForm
    public List<String> deadlineCountries;

    @RestForm
    public List<String> deadlineDate;

    @RestForm
    public List<String> deadlineNote;

    @RestForm
    public List<String> templateFile;

    @RestForm
    public List<String> templateBody;

    @RestForm
    public String previewKind;

    @RestForm
    public String previewLang;

    /** The form as posted, on {@code baseVersion} (null: not tied to a version, as the live preview). */
    PlaybookForm form(Integer baseVersion) {
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, "key", key);
        put(texts, "title", title);
        put(texts, "summary", summary);
        put(texts, "whyItMatters", whyItMatters);
        put(texts, "source", source);
        put(texts, "appliesIf", appliesIf);
        put(texts, "notApplicableLabel", notApplicableLabel);
        put(texts, "subjectInvitation", subjectInvitation);
        put(texts, "subjectReminder", subjectReminder);
        put(texts, "translations", translations);
        return PlaybookForm.posted(
                isNew,
                baseVersion,
                texts,
                stepKey,
                stepTitle,
                stepInstructions,
                stepUrl,
                stepNotApplicable,
                deadlineAppliesTo,
                deadlineCountries,
                deadlineDate,
                deadlineNote,
                templateFile,
                templateBody);
    }

    private static void put(Map<String, String> texts, String name, String value) {
        if (value != null) {
            texts.put(name, value);
        }
    }
}
