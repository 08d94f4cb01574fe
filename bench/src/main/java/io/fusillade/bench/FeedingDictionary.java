package io.fusillade.bench;

import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.util.function.Consumer;

/** A dictionary that hands each new entry to a consumer as the DICTIONARY record a run would publish. */
final class FeedingDictionary {
    private FeedingDictionary() {
    }

    static Dictionary into(Consumer<SampleEvent> consumer) {
        SampleEvent entry = new SampleEvent();
        return new Dictionary((id, text) -> {
            entry.clear();
            entry.kind = SampleKind.DICTIONARY;
            entry.entryId = id;
            entry.text = text;
            consumer.accept(entry);
        });
    }
}
