package news.broadsheet.ingest;

import java.time.Instant;

/** A partner source as the ingest desk sees it: where its feed is, what may be taken, and its poll state. */
record IngestSource(long id, String name, String homeUrl, String feedUrl, Long sectionId, Long authorId, String language,
                    int pollMinutes, RightsMode rightsMode, PublishMode publishMode, int excerptWords, boolean takeImages,
                    String imageCredit, boolean active, String etag, String lastModified, Instant nextPollAt, int failures,
                    Instant lastSuccessAt, String lastError, Instant lastErrorAt) {

    /** FULL_TEXT: the whole story is republished with attribution. EXCERPT: headline, opening words and a link. */
    enum RightsMode { FULL_TEXT, EXCERPT }

    /** AUTO: items go live as they arrive. REVIEW: they wait in the review queue. */
    enum PublishMode { AUTO, REVIEW }

    /** What an editor sets when adding or changing a source. */
    record Settings(String name, String homeUrl, String feedUrl, long sectionId, String language, int pollMinutes,
                    RightsMode rightsMode, PublishMode publishMode, int excerptWords, boolean takeImages, String imageCredit) {
    }
}
