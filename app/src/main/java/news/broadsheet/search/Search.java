package news.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ArticleSummary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the rest of the application asks of search: a page of results for a reader's query, and
 * the stories most like a given one.
 *
 * <p>Reader input goes through Lucene's {@link SimpleQueryParser}, which never throws on bad
 * syntax; prefix, fuzzy and slop operators are switched off so no typed query can expand into
 * an expensive scan (a lone {@code *} is just punctuation). Typo tolerance is added by us, for
 * short queries only, as a weaker fuzzy alternative, when the words as typed find less than a page.
 */
@Service
public class Search {

    public static final int PAGE_SIZE = 10;
    private static final Logger log = LoggerFactory.getLogger(Search.class);
    private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.ESCAPE_OPERATOR;
    private static final Pattern OPERATORS = Pattern.compile("[\"+\\-|()\\\\]");
    private static final int FUZZY_MAX_WORDS = 3;
    private static final int FUZZY_MIN_LENGTH = 4;
    private static final int RELATED_CANDIDATES = 50;
    private static final int LIKE_WORDS = 150;
    private static final Sort NEWEST = new Sort(new SortField(SearchIndex.PUBLISHED, SortField.Type.LONG, true));

    private final SearchIndex index;
    private final ArticleRepository articles;
    private final Clock clock;

    Search(SearchIndex index, ArticleRepository articles, Clock clock) {
        this.index = index;
        this.articles = articles;
        this.clock = clock;
    }

    /** The last change-log sequence the index has applied: how far this node has followed the log. */
    public long appliedSequence() {
        return index.sequence();
    }

    public SearchResults search(SearchRequest request) {
        if (request.isEmpty()) {
            return new SearchResults(List.of(), 0, true, 1, PAGE_SIZE);
        }
        if (request.text().isEmpty()) {
            return search(request, null);
        }
        SearchResults exact = search(request, textQuery(request.text(), false));
        // Fuzzy matching is the costly part of a query (a Levenshtein automaton per field and
        // language), so it is only paid for when the words as typed do not fill a page.
        return exact.total() >= PAGE_SIZE || !mayHaveTypos(request.text()) ? exact : search(request, textQuery(request.text(), true));
    }

    private SearchResults search(SearchRequest request, Query text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        filter(query, SearchIndex.SECTION, request.section());
        filter(query, SearchIndex.AUTHOR, request.author());
        filter(query, SearchIndex.TAG, request.tag());
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, from, to), Occur.FILTER);
        }
        Query scored = FunctionScoreQuery.boostByValue(query.build(), new RecencyBoost(clock.millis()));
        int wanted = request.page() * PAGE_SIZE;
        return index.withSearcher(searcher -> {
            TopDocs top = text == null || request.newestFirst() ? searcher.search(scored, wanted, NEWEST) : searcher.search(scored, wanted);
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, wanted - PAGE_SIZE), top.scoreDocs.length);
            String[] snippets = text == null ? new String[page.length] : snippets(searcher, text, page);
            StoredFields stored = searcher.storedFields();
            List<SearchResults.Hit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                Document doc = stored.document(page[i].doc);
                hits.add(new SearchResults.Hit(summary(doc), snippets[i] != null ? snippets[i] : escape(doc.get(SearchIndex.Stored.STANDFIRST))));
            }
            return new SearchResults(hits, top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO,
                    request.page(), PAGE_SIZE);
        });
    }

    /**
     * Published stories most like this one by the words of its headline and opening, recent ones
     * preferred, never the story itself. Until the index knows the story (empty index, first
     * seconds after publishing) the content package's rule by shared tags and section answers.
     */
    public List<ArticleSummary> related(Article article, int limit) {
        try {
            List<ArticleSummary> similar = index.withSearcher(searcher -> similar(searcher, article, limit));
            if (!similar.isEmpty()) {
                return similar;
            }
        } catch (UncheckedIOException e) {
            log.warn("Related articles from the index failed, using the tag rule: {}", e.toString());
        }
        return articles.related(article, limit);
    }

    private List<ArticleSummary> similar(IndexSearcher searcher, Article article, int limit) throws IOException {
        Term id = new Term(SearchIndex.ID, Long.toString(article.id()));
        TopDocs self = searcher.search(new TermQuery(id), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        String group = index.languages().groupOf(article.language());
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(index.languages().analyzer(group));
        // One field: MoreLikeThis looks every word up in each field it is given, and a story's
        // words are nearly always commonest in bodies, where they would be searched anyway.
        String body = Languages.field("body", group);
        mlt.setFieldNames(new String[] {body});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMinWordLen(3);
        // The fifteen most telling words: at a million stories each further word adds its postings to
        // walk (25 words: related p99 6.8 ms; 15: 4.8 ms), and the words dropped are the weakest by tf-idf.
        mlt.setMaxQueryTerms(15);
        mlt.setBoost(true);
        Query like = new BooleanQuery.Builder()
                .add(mlt.like(likeText(searcher.storedFields().document(self.scoreDocs[0].doc), body)), Occur.MUST)
                .add(new TermQuery(id), Occur.MUST_NOT)
                .build();
        // Recency reorders the best matches by words rather than scoring every match: a plain
        // top-N lets Lucene skip most of the long postings of common words, which at a million
        // stories is the difference between a few milliseconds and tens of them.
        TopDocs top = searcher.search(like, Math.max(RELATED_CANDIDATES, limit));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long now = clock.millis();
        double[] boosted = new double[top.scoreDocs.length];
        Integer[] order = new Integer[top.scoreDocs.length];
        for (int i = 0; i < order.length; i++) {
            int doc = top.scoreDocs[i].doc;
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues published = DocValues.getNumeric(leaf.reader(), SearchIndex.PUBLISHED);
            boosted[i] = top.scoreDocs[i].score
                    * (published.advanceExact(doc - leaf.docBase) ? RecencyBoost.factor(now - published.longValue()) : 1);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(boosted[b], boosted[a]));
        StoredFields stored = searcher.storedFields();
        List<ArticleSummary> result = new ArrayList<>(limit);
        for (int i = 0; i < Math.min(limit, order.length); i++) {
            result.add(summary(stored.document(top.scoreDocs[order[i]].doc)));
        }
        return result;
    }

    /**
     * The index keeps no term vectors: MoreLikeThis analyses the story's stored headline and the
     * opening of its body instead, as body text. A news story says what it is about at the top, and each
     * distinct word analysed costs a document-frequency lookup per segment.
     */
    private static Map<String, Collection<Object>> likeText(Document doc, String bodyField) {
        String headline = doc.get(SearchIndex.Stored.HEADLINE);
        String body = doc.get(bodyField);
        if (body == null) {
            return Map.of(bodyField, List.of(headline));
        }
        int end = 0;
        for (int words = 0; words < LIKE_WORDS && end >= 0; words++) {
            end = body.indexOf(' ', end + 1);
        }
        return Map.of(bodyField, List.of(headline, end < 0 ? body : body.substring(0, end)));
    }

    /** One alternative per language group; a story matches through the fields of its own language. */
    private Query textQuery(String text, boolean fuzzy) {
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        Map<String, CompiledAutomaton> automata = new HashMap<>();
        boolean searchable = false;
        for (String group : index.languages().groups()) {
            Analyzer analyzer = index.languages().analyzer(group);
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(
                    Languages.field("headline", group), 3f,
                    Languages.field("standfirst", group), 1.5f,
                    Languages.field("body", group), 1f), FLAGS);
            parser.setDefaultOperator(Occur.MUST);
            Query exact = parser.parse(text);
            // The parser turns a lone "*" into match-all; that is not a search for anything.
            if (exact instanceof MatchNoDocsQuery || exact instanceof MatchAllDocsQuery) {
                continue;
            }
            searchable = true;
            Query typos = fuzzy ? typoTolerant(analyzer, group, text, automata) : null;
            anyLanguage.add(typos == null ? exact
                    : new BooleanQuery.Builder().add(exact, Occur.SHOULD).add(new BoostQuery(typos, 0.3f), Occur.SHOULD).build(),
                    Occur.SHOULD);
        }
        if (!searchable) {
            throw new InvalidSearchException("Type at least one word to search for: wildcards and punctuation alone match nothing.");
        }
        return anyLanguage.build();
    }

    private static boolean mayHaveTypos(String text) {
        return !OPERATORS.matcher(text).find() && text.split("\\s+").length <= FUZZY_MAX_WORDS;
    }

    /** Every analysed word must match its headline or body within one edit (two for long words). */
    private static Query typoTolerant(Analyzer analyzer, String group, String text, Map<String, CompiledAutomaton> automata) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        try (TokenStream tokens = analyzer.tokenStream(Languages.field("body", group), text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                BooleanQuery.Builder anyField = new BooleanQuery.Builder();
                for (String field : new String[] {Languages.field("headline", group), Languages.field("body", group)}) {
                    Term t = new Term(field, word);
                    anyField.add(word.length() < FUZZY_MIN_LENGTH ? new TermQuery(t)
                            : new SharedFuzzyQuery(field, word, automata.computeIfAbsent(word,
                                    w -> SharedFuzzyQuery.automaton(w, w.length() >= 7 ? 2 : 1)), 30), Occur.SHOULD);
                }
                all.add(anyField.build(), Occur.MUST);
                words++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words == 0 ? null : all.build();
    }

    private String[] snippets(IndexSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        List<String> fields = new ArrayList<>();
        index.languages().groups().forEach(group -> fields.add(Languages.field("body", group)));
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.languages().perField())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .build();
        int[] docs = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
        int[] passages = new int[fields.size()];
        Arrays.fill(passages, 2);
        Map<String, String[]> byField = highlighter.highlightFields(fields.toArray(String[]::new), text, docs, passages);
        String[] result = new String[page.length];
        for (String[] values : byField.values()) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null && result[i] == null) {
                    result[i] = values[i];
                }
            }
        }
        return result;
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static ArticleSummary summary(Document doc) {
        return new ArticleSummary(Long.parseLong(doc.get(SearchIndex.ID)), doc.get(SearchIndex.Stored.SLUG),
                doc.get(SearchIndex.SECTION), doc.get(SearchIndex.Stored.SECTION_NAME), doc.get(SearchIndex.Stored.HEADLINE),
                doc.get(SearchIndex.Stored.STANDFIRST), doc.get(SearchIndex.Stored.LANGUAGE), ArticleStatus.PUBLISHED,
                Instant.ofEpochMilli(doc.getField(SearchIndex.PUBLISHED).numericValue().longValue()),
                doc.get(SearchIndex.Stored.LEAD_SRC), doc.get(SearchIndex.Stored.LEAD_ALT));
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
