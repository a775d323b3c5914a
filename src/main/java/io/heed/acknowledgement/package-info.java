/**
 * The employee's personal page {@code /ack/<token>} and the answers given on it. GET and HEAD only look: the visit
 * is queued and written in batches ({@code VisitLog}), with the signals of a possible mail scanner
 * ({@code ScannerHeuristics}); an answer is a POST carrying the page's form token ({@code FormTokenSigner}),
 * recorded under the recipient's row lock ({@code RecordAcknowledgement}). Failures under {@code /ack} are HTML
 * pages ({@code AcknowledgementErrorPages}, this path's error surface); addresses that keep failing are slowed
 * down ({@code FailureLimiter}).
 *
 * <p>Owns the tables {@code step_answer} (each recipient's current answer per step), {@code step_answer_change}
 * (their append-only history) and {@code page_visit} (the visit log). The recipient's completion and first-visit
 * times live on campaign's {@code recipient}: written through campaign's {@code RecordRecipientProgress}, in the
 * same transaction as the answer or the batch of visits.
 *
 * <p>Offers {@link io.heed.acknowledgement.AnswerRecorded} (fired inside the answer's transaction, once per changed
 * step) with {@link io.heed.acknowledgement.StepStatus}, and {@link io.heed.acknowledgement.VisitLog#flush()} for
 * tests that read the visits.
 */
package io.heed.acknowledgement;
