package io.heed.acknowledgement;

import io.quarkus.qute.RawString;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one recipient's page shows: the playbook's cached text plus what is theirs (answers and their times in
 * their zone, the deadline, the campaign's state, the form token).
 *
 * @param open answers may still be given; false once the campaign has ended (read-only page)
 * @param saved the page is shown right after an answer was recorded
 */
record PageView(
        PlaybookPageText.Text text,
        String campaignName,
        String deadline,
        List<StepView> steps,
        int answered,
        boolean complete,
        boolean open,
        boolean saved,
        String pageUrl,
        String formToken) {

    /**
     * One step with the recipient's answer.
     *
     * @param status {@code open}, {@code done} or {@code not_applicable} (also the CSS class of its badge)
     * @param answeredAt when it was first answered, in the reader's zone and language, or null
     */
    public record StepView(
            String key,
            String title,
            RawString body,
            boolean notApplicableAllowed,
            String status,
            boolean viaPlaybook,
            String answeredAt) {

        public boolean isDone() {
            return "done".equals(status);
        }

        public boolean isNotApplicable() {
            return "not_applicable".equals(status);
        }
    }

    public int total() {
        return steps.size();
    }

    static PageView of(AnswerSheet sheet, PlaybookPageText.Text text, String pageUrl, String formToken, boolean saved) {
        Locale locale = Locale.forLanguageTag(sheet.locale());
        ZoneId zone = ZoneId.of(sheet.timeZone());
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        List<StepView> steps = new ArrayList<>(text.steps().size());
        int answered = 0;
        for (PlaybookPageText.Step step : text.steps()) {
            Answer answer = sheet.answers().get(step.key());
            if (answer != null) {
                answered++;
            }
            steps.add(new StepView(
                    step.key(),
                    step.title(),
                    step.body(),
                    step.notApplicableAllowed(),
                    answer == null ? "open" : answer.status().value(),
                    answer != null && answer.viaPlaybook(),
                    answer == null ? null : when.format(answer.firstAnsweredAt())));
        }
        return new PageView(
                text,
                sheet.campaignName(),
                deadline(sheet.deadlineAt(), zone, locale),
                steps,
                answered,
                answered == steps.size(),
                sheet.open(),
                saved,
                pageUrl,
                formToken);
    }

    /** The last day of the deadline in the reader's zone (deadlines are stored as the end of that day). */
    private static String deadline(Instant deadlineAt, ZoneId zone, Locale locale) {
        return deadlineAt == null
                ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(deadlineAt.minusNanos(1).atZone(zone).toLocalDate());
    }
}
