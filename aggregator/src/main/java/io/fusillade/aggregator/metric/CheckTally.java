package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.CheckSummary;
import io.fusillade.ingest.Dictionary;
import java.util.ArrayList;
import java.util.List;

/** One check's passes and fails, and its first few distinct failure messages. Single-writer. */
final class CheckTally {
    /** Enough to show what went wrong without letting a message per failure fill the heap. */
    static final int MAX_MESSAGES = 5;

    private final int nameId;
    private final List<String> messages = new ArrayList<>(0);
    private long passes;
    private long fails;

    CheckTally(int nameId) {
        this.nameId = nameId;
    }

    void record(boolean passed, String message) {
        if (passed) {
            passes++;
            return;
        }
        fails++;
        if (message != null && !message.isEmpty() && messages.size() < MAX_MESSAGES && !messages.contains(message)) {
            messages.add(message);
        }
    }

    CheckSummary summarize(Dictionary dictionary) {
        return new CheckSummary(dictionary.text(nameId), passes, fails, messages);
    }
}
