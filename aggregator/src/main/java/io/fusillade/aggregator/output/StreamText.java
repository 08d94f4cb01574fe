package io.fusillade.aggregator.output;

import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.TagSets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * The stream's strings as an output writes them: the run's dictionary, rebuilt from its
 * DICTIONARY records, with each id's text rendered once (escaped for CSV or JSON) and then
 * reused, so writing a record formats numbers but never re-escapes a name.
 */
final class StreamText {
    private final Dictionary dictionary = new Dictionary();
    private final Function<String, String> renderName;
    private final Function<Map<String, String>, String> renderTags;
    private String[] names = new String[256];
    private String[] tags = new String[64];

    /**
     * @param renderName how a name (request, check, metric, method, scenario) is written
     * @param renderTags how a decoded tag set is written
     */
    StreamText(Function<String, String> renderName, Function<Map<String, String>, String> renderTags) {
        this.renderName = renderName;
        this.renderTags = renderTags;
    }

    /** Reads a DICTIONARY record; true when {@code event} was one. */
    boolean define(SampleEvent event) {
        if (event.kind != io.fusillade.ingest.SampleKind.DICTIONARY) {
            return false;
        }
        dictionary.define(event.entryId, event.text == null ? "" : event.text);
        return true;
    }

    /** The plain text for {@code id}. */
    String plain(int id) {
        return dictionary.text(id);
    }

    /** The rendered name for {@code id}; ids are small and dense, so an array holds them. */
    String name(int id) {
        if (id < 0) {
            return renderName.apply("");
        }
        if (id >= names.length) {
            names = Arrays.copyOf(names, Math.max(id + 1, names.length * 2));
        }
        String rendered = names[id];
        if (rendered == null) {
            rendered = renderName.apply(id == SampleEvent.NO_ID ? "" : dictionary.text(id));
            names[id] = rendered;
        }
        return rendered;
    }

    /** The rendered tag set for {@code id}. */
    String tags(int id) {
        if (id < 0) {
            return renderTags.apply(Map.of());
        }
        if (id >= tags.length) {
            tags = Arrays.copyOf(tags, Math.max(id + 1, tags.length * 2));
        }
        String rendered = tags[id];
        if (rendered == null) {
            rendered = renderTags.apply(id == SampleEvent.NO_ID ? Map.of() : TagSets.decode(dictionary.text(id)));
            tags[id] = rendered;
        }
        return rendered;
    }
}
