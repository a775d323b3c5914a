package io.heed.compliance.report;

/**
 * The outbox reference of one report mail: which campaign's report, of which region ({@code *}: all). Written
 * by {@link ReportMail} when it queues the mail, read back by {@link ReportMailComposer} when it is due, in the
 * form {@code <campaign id>:<region>} (a region may itself hold a colon: only the first one separates).
 */
record ReportMailReference(long campaignId, String region) {

    static ReportMailReference parse(String reference) {
        int colon = reference.indexOf(':');
        return new ReportMailReference(Long.parseLong(reference.substring(0, colon)), reference.substring(colon + 1));
    }

    String text() {
        return campaignId + ":" + region;
    }
}
