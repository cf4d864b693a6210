package news.broadsheet.extract;

import org.jsoup.nodes.Element;

/**
 * A rough 0..1 score of how sure we are that the body is a real article: enough words, several
 * paragraphs, little link text, and agreement with the page's own structured data.
 */
final class Confidence {

    private Confidence() {
    }

    static double of(String text, Element clean, Metadata meta, boolean fromJsonLd) {
        int words = Text.wordCount(text);
        if (words == 0) {
            return 0;
        }
        int paragraphs = text.split("\n\n").length;
        double linkDensity = clean == null ? 0 : BodyFinder.linkDensity(clean);
        double c = 0.35 * Math.min(1, words / 250.0)
                + 0.2 * Math.min(1, paragraphs / 5.0)
                + 0.25 * (1 - linkDensity);
        if (fromJsonLd) {
            c += 0.1;
        } else if (!meta.articleBody().isEmpty()) {
            c += 0.2 * overlap(text, meta.articleBody());
        } else if (!meta.title().isEmpty()) {
            c += 0.1;
        }
        return Math.round(Math.min(1, Math.max(0, c)) * 1000) / 1000.0;
    }

    /** Share of the structured-data body's words that our text also has, in order-free form. */
    static double overlap(String text, String reference) {
        java.util.Set<String> ours = new java.util.HashSet<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
            ours.add(w);
        }
        int total = 0;
        int hit = 0;
        for (String w : reference.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
            if (w.isEmpty()) {
                continue;
            }
            total++;
            if (ours.contains(w)) {
                hit++;
            }
        }
        return total == 0 ? 0 : hit / (double) total;
    }
}
