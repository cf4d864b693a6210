package news.broadsheet.search;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Each story's text goes into fields named for its language ({@code body.en}, {@code body.ar}),
 * analysed with that language's stemmer and stop words; languages without their own analyser
 * share {@code std}. A query is parsed once per language with that language's analyser, so an
 * English stop word does not become a required term for Arabic stories, and vice versa.
 */
final class Languages {

    static final String FALLBACK = "std";
    static final String[] TEXT_FIELDS = {"headline", "standfirst", "body"};

    private final Map<String, Analyzer> analyzers = new LinkedHashMap<>();
    private final Analyzer perField;

    Languages() {
        analyzers.put("en", new EnglishAnalyzer());
        analyzers.put("ar", new ArabicAnalyzer());
        analyzers.put("fr", new FrenchAnalyzer());
        analyzers.put("de", new GermanAnalyzer());
        analyzers.put("es", new SpanishAnalyzer());
        analyzers.put(FALLBACK, new StandardAnalyzer());
        Map<String, Analyzer> byField = new LinkedHashMap<>();
        analyzers.forEach((code, analyzer) -> {
            for (String field : TEXT_FIELDS) {
                byField.put(field(field, code), analyzer);
            }
        });
        perField = new PerFieldAnalyzerWrapper(analyzers.get(FALLBACK), byField);
    }

    /** The analyser group for a BCP 47 tag: "fr-CA" searches as French, "sw" as the fallback. */
    String groupOf(String languageTag) {
        String primary = languageTag == null ? "" : languageTag.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return analyzers.containsKey(primary) ? primary : FALLBACK;
    }

    Iterable<String> groups() {
        return analyzers.keySet();
    }

    Analyzer analyzer(String group) {
        return analyzers.get(group);
    }

    /** Picks the right analyser from the field name; for the index writer and the highlighter. */
    Analyzer perField() {
        return perField;
    }

    static String field(String name, String group) {
        return name + "." + group;
    }
}
