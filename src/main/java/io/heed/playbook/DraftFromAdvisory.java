package io.heed.playbook;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes a draft playbook from an advisory as it reached the CISO (a post, an e-mail, a web page pasted as
 * text or HTML): the title and summary from its opening, one step per recommended action (the items of its
 * bulleted or numbered list) with the links written in it, and the dates it names as jurisdiction deadlines with
 * the regions named beside them. Deterministic text rules, no external service: the same text always gives the
 * same draft, which the CISO then corrects. Pure: no I/O, no clock (the year of a date written without one comes
 * from the other dates in the text, else from the {@code reference} date).
 */
public final class DraftFromAdvisory {

    /** The proposal. Every field may be empty: the CISO completes the form. */
    public record Draft(String key, String title, String summary, List<Step> steps, List<Deadline> deadlines) {}

    /** One recommended action: a short title, its full text, and the links found in it. */
    public record Step(String key, String title, String text, List<String> links) {}

    /**
     * A date found in the text, with the regions named in the same sentence ({@code appliesTo} is "All regions"
     * when none is), their ISO countries, and the sentence itself as the note.
     */
    public record Deadline(LocalDate date, String appliesTo, List<String> countries, String note) {}

    private static final int MAX_TITLE = 120;
    private static final int MAX_STEP_TITLE = 90;
    private static final int MAX_SUMMARY = 700;

    private static final Pattern LIST_ITEM =
            Pattern.compile("^\\s*(?:[-*•·–—▪◦‣➤✅✔☑→]|\\(?\\d{1,2}[.)]|\\(?[a-hA-H][.)])\\s+(.*\\S)\\s*$");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]{0,2000}>");
    private static final Pattern MONTHS =
            Pattern.compile("(?i)(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS.pattern() + "\\.?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(?i)\\b" + MONTHS.pattern() + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    /** A region as advisories name it: the patterns that find it, its label, its ISO countries. */
    private record Region(Pattern pattern, String label, List<String> countries) {}

    private static final List<String> EU = List.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final List<Region> REGIONS = List.of(
            region("\\bEEA\\b|European Economic Area", "EEA", concat(EU, List.of("IS", "LI", "NO"))),
            region("\\bEU\\b|European Union|\\bEurope\\b", "EU", EU),
            region("\\bUK\\b|United Kingdom|Great Britain|\\bBritain\\b", "United Kingdom", List.of("GB")),
            region("Switzerland|\\bSwiss\\b", "Switzerland", List.of("CH")),
            region("Canada|Canadian", "Canada", List.of("CA")),
            region("Hong Kong", "Hong Kong", List.of("HK")),
            region("\\bUS\\b|\\bU\\.S\\.|\\bUSA\\b|United States", "United States", List.of("US")),
            region(
                    "\\bAPAC\\b|Asia[- ]Pacific",
                    "APAC",
                    List.of("AU", "NZ", "JP", "KR", "SG", "HK", "IN", "CN", "TW", "MY", "TH", "ID", "PH", "VN")),
            region("\\bEMEA\\b", "EMEA", List.of()),
            region("\\bLATAM\\b|Latin America", "Latin America", List.of("BR", "MX", "AR", "CL", "CO", "PE")),
            region("Germany|German\\b", "Germany", List.of("DE")),
            region("France|French\\b", "France", List.of("FR")),
            region("Australia", "Australia", List.of("AU")),
            region("Japan", "Japan", List.of("JP")),
            region("Singapore", "Singapore", List.of("SG")),
            region("\\bIndia\\b", "India", List.of("IN")),
            region("Brazil", "Brazil", List.of("BR")),
            region("Norway", "Norway", List.of("NO")),
            region("Iceland", "Iceland", List.of("IS")),
            region("Liechtenstein", "Liechtenstein", List.of("LI")),
            region("California", "California", List.of("US")));

    private DraftFromAdvisory() {}

    /** The draft for {@code advisory} (plain text or pasted HTML); {@code reference} only supplies a missing year. */
    public static Draft propose(String advisory, LocalDate reference) {
        List<String> lines = lines(advisory == null ? "" : advisory);
        List<String> opening = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<List<String>> laterParagraphs = new ArrayList<>();
        boolean inList = false;
        boolean listSeen = false;
        boolean blankBefore = true;
        List<String> paragraph = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                inList = false;
                blankBefore = true;
                paragraph = null;
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches() && !item.group(1).isBlank()) {
                items.add(item.group(1).strip());
                inList = true;
                listSeen = true;
            } else if (inList && !blankBefore) {
                // A wrapped list item continues on the next line.
                int last = items.size() - 1;
                items.set(last, items.get(last) + " " + line);
            } else if (!listSeen) {
                opening.add(blankBefore && !opening.isEmpty() ? "\n" + line : line);
                if (blankBefore || paragraph == null) {
                    paragraph = new ArrayList<>();
                    laterParagraphs.add(paragraph);
                }
                paragraph.add(line);
            }
            blankBefore = false;
        }

        String title = "";
        String summary = "";
        // A line ending in ':' right before the list ("Recommended actions:") introduces it; it is not summary.
        if (listSeen && opening.size() > 1 && opening.get(opening.size() - 1).endsWith(":")) {
            opening.remove(opening.size() - 1);
        }
        List<String> paragraphs = paragraphs(opening);
        if (!paragraphs.isEmpty()) {
            String first = paragraphs.get(0);
            String firstLine = opening.get(0).strip();
            if (firstLine.length() <= MAX_TITLE && !firstLine.endsWith(":")) {
                title = clean(firstLine);
                String rest = first.substring(Math.min(first.length(), firstLine.length()))
                        .strip();
                List<String> summaryParts = new ArrayList<>();
                if (!rest.isEmpty()) {
                    summaryParts.add(rest);
                }
                summaryParts.addAll(paragraphs.subList(1, paragraphs.size()));
                summary = String.join(" ", summaryParts);
            } else {
                String sentence = firstSentence(first);
                title = shorten(clean(sentence), MAX_TITLE);
                summary = String.join(" ", paragraphs);
            }
        }
        summary = shorten(summary.strip(), MAX_SUMMARY);
        if (!listSeen) {
            // No list: each paragraph after the opening one is an action; a single paragraph is one action.
            if (laterParagraphs.size() > 1) {
                for (List<String> p : laterParagraphs.subList(1, laterParagraphs.size())) {
                    items.add(String.join(" ", p));
                }
            } else if (!paragraphs.isEmpty()) {
                items.add(String.join(" ", paragraphs));
            }
        }

        List<Step> steps = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String text : items) {
            String normalized = text.replaceAll("\\s+", " ").strip();
            String stepTitle = stepTitle(normalized);
            String key = unique(slug(stepTitle, "step"), keys);
            steps.add(new Step(key, stepTitle, normalized, links(normalized)));
        }

        String all = String.join("\n", lines);
        List<Deadline> deadlines = deadlines(all, reference);
        return new Draft(slug(title, "advisory"), title, summary, List.copyOf(steps), deadlines);
    }

    /** Text lines: HTML turned into text, CRLF and odd spaces normalised, each line trimmed. */
    static List<String> lines(String advisory) {
        String text = advisory.replace("\r\n", "\n").replace('\r', '\n');
        if (TAG.matcher(text).find() && text.matches("(?s).*<(?:p|li|br|div|ul|ol|h\\d|span|a|strong|b)\\b.*")) {
            text = text.replaceAll("(?i)<li\\b[^>]*>", "\n- ")
                    .replaceAll("(?i)<br\\s*/?>", "\n")
                    .replaceAll("(?i)</?(?:p|div|ul|ol|h\\d|tr|table|section|article|blockquote)\\b[^>]*>", "\n\n")
                    .replaceAll("(?i)<a\\b[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2 ($1)");
            text = TAG.matcher(text).replaceAll("");
            text = text.replace("&nbsp;", " ")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&");
        }
        text = text.replace('\u00a0', ' ')
                .replace('\u2007', ' ')
                .replace('\u202f', ' ')
                .replace("\t", " ");
        text = text.replace("\u200b", "").replace("\ufeff", "");
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.replaceAll(" {2,}", " ").strip());
        }
        return lines;
    }

    private static List<String> paragraphs(List<String> opening) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : opening) {
            if (line.startsWith("\n")) {
                if (!current.isEmpty()) {
                    paragraphs.add(current.toString());
                }
                current = new StringBuilder(line.substring(1));
            } else {
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    private static String stepTitle(String text) {
        String withoutLinks =
                URL.matcher(text).replaceAll("").replaceAll("\\(\\s*\\)", "").strip();
        String title = withoutLinks;
        for (String cut : List.of(": ", " – ", " — ", " - ")) {
            int at = title.indexOf(cut);
            if (at >= 12) {
                title = title.substring(0, at);
            }
        }
        title = firstSentence(title);
        title = title.replaceAll("[\\s:;,.–—-]+$", "");
        title = clean(title);
        if (title.isEmpty()) {
            title = shorten(text, MAX_STEP_TITLE);
        }
        return shorten(title, MAX_STEP_TITLE);
    }

    private static String firstSentence(String text) {
        Matcher m = Pattern.compile("^(.{12,}?[.!?])(?:\\s|$)").matcher(text);
        return m.find() ? m.group(1) : text;
    }

    /** Strips emphasis markers, emoji and hashtags an advisory's first line often carries. */
    private static String clean(String text) {
        return text.replaceAll("[*_`#]{1,3}(?=\\S)|(?<=\\S)[*_`]{1,3}", "")
                .replaceAll("[\\p{So}\\p{Cs}]", "")
                .replaceAll("\\s+", " ")
                .replaceAll("[\\s:]+$", "")
                .strip();
    }

    static List<String> links(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group().replaceAll("[.,;:!?…]+$", "");
            if (url.toLowerCase(Locale.ROOT).startsWith("www.")) {
                url = "https://" + url;
            }
            links.add(url);
        }
        return List.copyOf(links);
    }

    static List<Deadline> deadlines(String text, LocalDate reference) {
        record Found(int start, int end, int day, int month, Integer year) {}
        List<Found> found = new ArrayList<>();
        Matcher iso = ISO_DATE.matcher(text);
        while (iso.find()) {
            found.add(new Found(
                    iso.start(),
                    iso.end(),
                    Integer.parseInt(iso.group(3)),
                    Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(1))));
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        while (dmy.find()) {
            found.add(new Found(
                    dmy.start(),
                    dmy.end(),
                    Integer.parseInt(dmy.group(1)),
                    month(dmy.group(2)),
                    dmy.group(3) == null ? null : Integer.parseInt(dmy.group(3))));
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(text);
        while (mdy.find()) {
            found.add(new Found(
                    mdy.start(),
                    mdy.end(),
                    Integer.parseInt(mdy.group(2)),
                    month(mdy.group(1)),
                    mdy.group(3) == null ? null : Integer.parseInt(mdy.group(3))));
        }
        found.sort(java.util.Comparator.comparingInt(Found::start));
        // Overlapping matches ("3 November 2025" also reads as "November 20…"): keep the earliest, longest.
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            Found last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && f.start() < last.end()) {
                if (f.start() == last.start() && f.end() > last.end()) {
                    kept.set(kept.size() - 1, f);
                }
                continue;
            }
            kept.add(f);
        }
        Integer knownYear = null;
        for (Found f : kept) {
            if (f.year() != null) {
                knownYear = f.year();
            }
        }
        int fallbackYear = knownYear != null ? knownYear : reference == null ? 2000 : reference.getYear();
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        for (Found f : kept) {
            LocalDate date;
            try {
                date = LocalDate.of(f.year() == null ? fallbackYear : f.year(), f.month(), f.day());
            } catch (DateTimeException e) {
                continue; // "31 February": not a date
            }
            String sentence = sentenceAround(text, f.start(), f.end());
            List<String> labels = new ArrayList<>();
            Set<String> countries = new TreeSet<>();
            String rest = sentence;
            for (Region region : REGIONS) {
                Matcher m = region.pattern().matcher(rest);
                if (m.find()) {
                    labels.add(region.label());
                    countries.addAll(region.countries());
                    rest = m.replaceAll(" ");
                }
            }
            String appliesTo = labels.isEmpty() ? "All regions" : String.join(", ", labels);
            String key = date + "|" + appliesTo;
            deadlines.putIfAbsent(key, new Deadline(date, appliesTo, List.copyOf(countries), shorten(sentence, 300)));
        }
        return List.copyOf(deadlines.values());
    }

    private static String sentenceAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && !sentenceEnd(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !sentenceEnd(text, to)) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++;
        }
        String sentence = text.substring(from, to).replaceAll("\\s+", " ").strip();
        Matcher item = LIST_ITEM.matcher(sentence);
        return item.matches() ? item.group(1) : sentence;
    }

    private static boolean sentenceEnd(String text, int at) {
        char c = text.charAt(at);
        if (c == '\n') {
            return true;
        }
        if (c == '.' || c == '!' || c == '?') {
            // "U.S." and "Nov." are not the end of a sentence; a full stop followed by a space and a capital is.
            boolean next = at + 2 < text.length()
                    && Character.isWhitespace(text.charAt(at + 1))
                    && Character.isUpperCase(text.charAt(at + 2));
            boolean last = at + 1 >= text.length() || text.charAt(at + 1) == '\n';
            return (next || last) && !(at >= 2 && text.charAt(at - 2) == '.') && !abbreviation(text, at);
        }
        return false;
    }

    private static boolean abbreviation(String text, int at) {
        int from = at;
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            from--;
        }
        String word = text.substring(from, at);
        return word.length() == 1 || MONTHS.matcher(word).matches() && word.length() <= 4;
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.name().startsWith(prefix)) {
                return m.getValue();
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** {@code "Stop LinkedIn from training AI"} → {@code stop-linkedin-from-training-ai} (2 to 63 characters). */
    static String slug(String text, String fallback) {
        String slug = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-[^-]*$", "");
        }
        return slug.length() < 2 ? fallback : slug;
    }

    private static String unique(String key, Set<String> used) {
        String candidate = key;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = key + "-" + i;
        }
        return candidate;
    }

    private static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut) + "…";
    }

    private static Region region(String pattern, String label, List<String> countries) {
        return new Region(Pattern.compile(pattern), label, countries);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
