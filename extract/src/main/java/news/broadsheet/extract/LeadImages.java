package news.broadsheet.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the lead image and, from the figure that shows it on the page, its caption and credit.
 * The URL comes from metadata when there is some (that is the image the publisher chose for
 * shares), else from the first figure of the article.
 */
final class LeadImages {

    private static final Pattern CREDIT = Pattern.compile(
            "credit|copyright|photographer|source|byline|attribution|courtesy|author",
            Pattern.CASE_INSENSITIVE);
    /** "Caption text. Credit: Agency", "Caption (Photo: Agency)", "Caption © Agency". */
    private static final Pattern CAPTION_WITH_CREDIT = Pattern.compile(
            "^(.*?)\\s*[(\\[]?\\s*(?:(?:photo(?:graph)?|image|picture|foto|credit|crédit|bild)s?"
                    + "(?:\\s+(?:by|credit))?\\s*:|©|\\(c\\))\\s*([^)\\]]+?)\\s*[)\\]]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern CREDIT_PREFIX = Pattern.compile(
            "^(?:(?:photo(?:graph)?|image|picture|foto|credit|crédit|bild)s?(?:\\s+(?:by|credit))?"
                    + "\\s*:|©)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private LeadImages() {
    }

    static LeadImage find(Document doc, Metadata meta, String base) {
        String url = meta.imageUrl();
        Element figure = null;
        Element img = null;
        if (url != null) {
            String name = fileName(url);
            for (Element i : doc.select("body img")) {
                String src = Images.source(i, base);
                if (src != null && (src.equals(url) || (!name.isEmpty() && name.length() > 4
                        && fileName(src).equals(name)))) {
                    img = i;
                    break;
                }
            }
        }
        if (img == null) {
            Element scope = doc.selectFirst("article, [itemprop=articleBody], main");
            if (scope != null) {
                img = scope.selectFirst("figure img");
            }
            if (img != null && url == null) {
                url = Images.source(img, base);
            }
            if (img != null && url != null && !url.equals(Images.source(img, base))) {
                img = null; // a different picture from the one the metadata names
            }
        }
        if (url == null) {
            return null;
        }
        if (img != null) {
            figure = img.closest("figure");
        }
        String alt = img == null ? "" : Text.collapse(img.attr("alt"));
        String caption = meta.imageCaption();
        String credit = meta.imageCredit();
        if (figure != null) {
            Element creditEl = null;
            for (Element e : figure.getAllElements()) {
                if (e != figure && CREDIT.matcher(Signals.classAndId(e)).find()) {
                    creditEl = e;
                    break;
                }
            }
            String creditText = creditEl == null ? "" : Text.collapse(creditEl.text());
            Element cap = figure.selectFirst("figcaption");
            String capText = "";
            if (cap != null) {
                Element copy = cap.clone();
                for (Element e : copy.getAllElements()) {
                    if (e != copy && e.parent() != null
                            && CREDIT.matcher(Signals.classAndId(e)).find()) {
                        e.remove();
                    }
                }
                capText = Text.collapse(copy.text());
            }
            if (creditText.isEmpty() && !capText.isEmpty()) {
                Matcher m = CAPTION_WITH_CREDIT.matcher(capText);
                if (m.matches()) {
                    capText = m.group(1).strip();
                    creditText = m.group(2).strip();
                }
            }
            creditText = CREDIT_PREFIX.matcher(creditText).replaceFirst("");
            if (caption.isEmpty()) {
                caption = capText;
            }
            if (credit.isEmpty()) {
                credit = creditText;
            }
        }
        return new LeadImage(url, alt, caption, credit);
    }

    private static String fileName(String url) {
        String u = url;
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        int slash = u.lastIndexOf('/');
        return slash >= 0 ? u.substring(slash + 1) : u;
    }
}
