package news.broadsheet.newsroom;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Which article a new-story form already became. The form carries a key of its own from the moment
 * it is opened; its first autosave, a second autosave racing it and a press of Save all name that
 * key, and only the first of them creates the draft: the others find the article it made.
 * In memory, per node: a writer's form talks to one node while typing, and a day outlasts any form left open.
 */
@Component
class NewDrafts {

    private final Cache<String, Long> created = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofDays(1)).build();

    /** The article this writer's form became, creating it (once, whoever asks at the same time) when it is new. */
    long articleFor(long staffId, String formKey, LongSupplier create) {
        return created.get(staffId + ":" + formKey, key -> create.getAsLong());
    }

    /** The article the form already became, or null. */
    Long existing(long staffId, String formKey) {
        return formKey.isBlank() ? null : created.getIfPresent(staffId + ":" + formKey);
    }
}
