package news.broadsheet.search;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A fuzzy match of one word in one field whose Levenshtein automaton is built once and shared:
 * a reader's word is looked up in a dozen fields (headline and body in each language), and
 * building that automaton, not walking the terms, is what a {@link FuzzyQuery} per field spends
 * its time on. Expands to the {@code maxExpansions} matching terms most frequent in the index.
 */
final class SharedFuzzyQuery extends MultiTermQuery {

    private final String word;
    private final CompiledAutomaton automaton;

    SharedFuzzyQuery(String field, String word, CompiledAutomaton automaton, int maxExpansions) {
        super(field, new TopTermsBlendedFreqScoringRewrite(maxExpansions));
        this.word = word;
        this.automaton = automaton;
    }

    static CompiledAutomaton automaton(String word, int maxEdits) {
        return FuzzyQuery.getFuzzyAutomaton(word, maxEdits, 1, true);
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        return automaton.getTermsEnum(terms);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            automaton.visit(visitor, this, field);
        }
    }

    @Override
    public String toString(String field) {
        return (this.field.equals(field) ? "" : this.field + ":") + word + "~";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedFuzzyQuery other && other.field.equals(field) && other.word.equals(word)
                && other.automaton.equals(automaton);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, word, automaton);
    }
}
