package news.broadsheet.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic news copy for the search benchmark: per-language vocabularies (a few hundred real
 * words, then made-up words built from that language's syllables) drawn with Zipf-like
 * frequencies, so common words have long postings and rare ones short, as in real text. Each
 * story also has a topic whose words it uses far more often than chance, which gives "related
 * by content" something real to find. Story {@code n} is a pure function of {@code n}, so the
 * query mix can quote phrases that exist without keeping the corpus in memory.
 */
final class SyntheticNews {

    static final String[] SECTIONS = {"world", "politics", "business", "technology", "science", "sport", "culture", "opinion"};
    static final int AUTHORS = 300;
    static final int TAGS = 2_000;
    static final int TOPICS = 400;
    private static final int VOCABULARY = 30_000;
    private static final int TOPIC_WORDS = 15;
    private static final double TOPIC_SHARE = 0.15;

    /** Language code, share of stories in per mille, real words first, syllables for the rest. */
    private static final Lang[] LANGUAGES = {
            new Lang("en", 800, ("the of and to in a is that for on was with he it as at by said from his an be has are have but "
                    + "not who they were had which this their after been also its new more one year first two people would government "
                    + "minister police court president city country week state election market company officials report years "
                    + "percent public party war health school water energy price prices workers union council village border "
                    + "ceasefire talks aid vote parliament budget inflation bank climate flood storm drought fire rescue hospital "
                    + "vaccine study scientists research team match season league final coach goal record festival museum film "
                    + "music novel artist theatre trade tariff export factory jobs housing rent transport railway airport port "
                    + "ministry spokesman protest strike reform law judge trial prison investigation evidence witnesses").split(" "),
                    ("ba be bi bo ra re ri ro ta te ti to la le li lo ma me mi mo na ne ni no sa se si so da de di do ka ke ki ko "
                            + "ven mar tor len sin dal wick ford ham ton ley ster ing ment tion ence ous ive").split(" ")),
            new Lang("ar", 80, ("في من على إلى أن عن مع هذا التي الذي قال بعد الحكومة الرئيس وزير المدينة الشرطة الانتخابات السوق "
                    + "المياه الطاقة الحدود المساعدات البرلمان الميزانية المستشفى اللقاح الدراسة الفريق المباراة المهرجان").split(" "),
                    "با بي بو تا تي تو سا سي سو ما مي مو نا ني نو را ري رو لا لي لو كا كي كو دا دي دو فا في فو ها هي هو".split(" ")),
            new Lang("fr", 40, ("le la les de des du et un une est que qui pour dans sur par au avec pas plus gouvernement ministre "
                    + "ville pays police tribunal élection marché entreprise santé école eau énergie prix").split(" "),
                    "ba be bi bo ra re ri ro ta te ti to la le li lo ma me mi mo ne ni no sa se si so eau ette ier oux ville mont".split(" ")),
            new Lang("de", 40, ("der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden "
                    + "regierung minister stadt land polizei gericht wahl markt unternehmen gesundheit schule wasser energie preis").split(" "),
                    "ba be bi bo ra re ri ro ta te ti to la le li lo ma me mi mo na ne ni no sch str berg burg dorf heim ung keit".split(" ")),
            new Lang("es", 40, ("el la de que y a en un ser se no haber por con su para como estar tener le lo todo pero más gobierno "
                    + "ministro ciudad país policía tribunal elección mercado empresa salud escuela agua energía precio").split(" "),
                    "ba be bi bo ra re ri ro ta te ti to la le li lo ma me mi mo na ne ni no sa se si so ción dad ero ista ado".split(" ")),
    };

    record Story(String slug, String section, String headline, String standfirst, String bodyHtml, String language,
                 long publishedAt, int author, int[] tags, int topic, int words) {
    }

    private record Lang(String code, int perMille, String[] real, String[] syllables) {
    }

    private final long seed;
    private final long newest;
    private final long spanMillis;
    private final String[][] vocabularies = new String[LANGUAGES.length][];
    private final int[][][] topicWords = new int[LANGUAGES.length][TOPICS][TOPIC_WORDS];
    private final double[] wordCdf = zipfCdf(VOCABULARY, 1.05);
    private final double[] tagCdf = zipfCdf(TAGS, 0.9);
    private final String[] tagSlugs;

    SyntheticNews(long seed, long newestMillis, long spanMillis) {
        this.seed = seed;
        this.newest = newestMillis;
        this.spanMillis = spanMillis;
        Random random = new Random(seed);
        for (int l = 0; l < LANGUAGES.length; l++) {
            vocabularies[l] = vocabulary(LANGUAGES[l], random);
            for (int t = 0; t < TOPICS; t++) {
                for (int w = 0; w < TOPIC_WORDS; w++) {
                    // Topic words are mid-frequency words: distinctive, yet shared by many stories.
                    topicWords[l][t][w] = 200 + random.nextInt(8_000);
                }
            }
        }
        tagSlugs = new String[TAGS];
        for (int t = 0; t < TAGS; t++) {
            tagSlugs[t] = "tag-" + vocabularies[0][150 + t].replaceAll("[^a-z]", "") + "-" + t;
        }
    }

    String tagSlug(int tag) {
        return tagSlugs[tag];
    }

    static String authorSlug(int author) {
        return "reporter-" + author;
    }

    /** Story number {@code n}: the same text every time. */
    Story story(long n) {
        Random random = new Random(seed * 31 + n);
        int lang = language(random);
        int topic = random.nextInt(TOPICS);
        String headline = capitalize(String.join(" ", words(random, lang, topic, 6 + random.nextInt(7))));
        String standfirst = sentence(random, lang, topic, 15 + random.nextInt(16));
        // Log-normal lengths: median ~350 words, a long tail of features up to 1,500.
        int target = (int) Math.max(80, Math.min(1_500, Math.exp(Math.log(350) + 0.55 * random.nextGaussian())));
        StringBuilder body = new StringBuilder(target * 8);
        int words = 0;
        while (words < target) {
            body.append("<p>");
            int paragraph = 40 + random.nextInt(50);
            for (int inParagraph = 0; inParagraph < paragraph && words < target; ) {
                int length = 8 + random.nextInt(18);
                body.append(sentence(random, lang, topic, length)).append(' ');
                inParagraph += length;
                words += length;
            }
            body.setLength(body.length() - 1);
            body.append("</p>");
        }
        Set<Integer> tags = new LinkedHashSet<>();
        int tagCount = 1 + random.nextInt(5);
        while (tags.size() < tagCount) {
            tags.add(draw(tagCdf, random));
        }
        long published = newest - (long) (random.nextDouble() * random.nextDouble() * spanMillis);
        return new Story("synthetic-" + n, SECTIONS[Math.floorMod(topic * 7 + random.nextInt(3), SECTIONS.length)], headline,
                standfirst, body.toString(), LANGUAGES[lang].code(), published, random.nextInt(AUTHORS),
                tags.stream().mapToInt(Integer::intValue).toArray(), topic, words);
    }

    /** A word of rank {@code rank} (0 = most frequent) in the story language {@code code}. */
    String word(String code, int rank) {
        for (int l = 0; l < LANGUAGES.length; l++) {
            if (LANGUAGES[l].code().equals(code)) {
                return vocabularies[l][rank];
            }
        }
        throw new IllegalArgumentException(code);
    }

    private List<String> words(Random random, int lang, int topic, int count) {
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int rank = random.nextDouble() < TOPIC_SHARE ? topicWords[lang][topic][random.nextInt(TOPIC_WORDS)] : draw(wordCdf, random);
            result.add(vocabularies[lang][rank]);
        }
        return result;
    }

    private String sentence(Random random, int lang, int topic, int length) {
        List<String> words = words(random, lang, topic, length);
        if (random.nextInt(4) == 0) {
            words.set(random.nextInt(length), Integer.toString(random.nextInt(2_030)));
        }
        return capitalize(String.join(" ", words)) + (random.nextInt(12) == 0 ? "?" : ".");
    }

    private static int language(Random random) {
        int roll = random.nextInt(1_000);
        for (int l = 0; l < LANGUAGES.length; l++) {
            roll -= LANGUAGES[l].perMille();
            if (roll < 0) {
                return l;
            }
        }
        return 0;
    }

    private static String[] vocabulary(Lang lang, Random random) {
        Set<String> words = new LinkedHashSet<>(Arrays.asList(lang.real()));
        while (words.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(lang.syllables()[random.nextInt(lang.syllables().length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private static double[] zipfCdf(int size, double exponent) {
        double[] cdf = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cdf[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cdf[rank] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, Random random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
