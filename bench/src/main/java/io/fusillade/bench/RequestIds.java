package io.fusillade.bench;

import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.TagSets;
import java.util.Map;

/**
 * The dictionary ids a small script's requests carry, interned once before measuring, as a
 * VU's per-VU cache would hold them: one method, a handful of endpoint names, one scenario,
 * one tag set.
 *
 * @param methodId the id of {@code GET}
 * @param nameIds the ids of the endpoint names requests cycle through
 * @param scenarioId the id of the scenario name
 * @param tagSetId the id of the requests' tag set
 */
public record RequestIds(int methodId, int[] nameIds, int scenarioId, int tagSetId) {
    private static final String[] NAMES = {
            "http://127.0.0.1:8080/api/items",
            "/api/items/:id",
            "http://127.0.0.1:8080/api/cart",
            "/slow",
    };

    /** Interns the strings in {@code dictionary}; for a ring's dictionary that publishes their entries. */
    public static RequestIds intern(Dictionary dictionary) {
        int[] names = new int[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            names[i] = dictionary.intern(NAMES[i]);
        }
        return new RequestIds(dictionary.intern("GET"), names, dictionary.intern("default"),
                dictionary.intern(TagSets.encode(Map.of("flow", "browse"))));
    }

    /** The name id for a VU's {@code iteration}: scripts hit a few endpoints in turn. */
    public int nameId(long iteration) {
        return nameIds[(int) (iteration % nameIds.length)];
    }
}
