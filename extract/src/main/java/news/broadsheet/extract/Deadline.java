package news.broadsheet.extract;

import java.time.Duration;

/**
 * A soft time limit that the extraction steps poll between units of work. Parsing and writing
 * the output are linear in the input and are not interrupted; everything heuristic in between
 * (scoring, retries, cleaning) stops refining once the deadline has passed.
 */
final class Deadline {

    private final long end;

    Deadline(Duration budget) {
        long nanos;
        try {
            nanos = budget.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 4;
        }
        this.end = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    long remainingNanos() {
        return end - System.nanoTime();
    }
}
