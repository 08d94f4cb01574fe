package io.fusillade.engine.js.host;

import io.fusillade.engine.http.HttpExchange;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes one VU's samples straight into ring slots, from explicit arguments (nothing is
 * parked in fields between a call and its publication, and nothing is allocated), stamped
 * with the VU's number, scenario and iteration. Also the VU's cache of dictionary ids, so a
 * name repeated every iteration is interned once.
 */
public final class VuSamples {
    /** At most this many texts are remembered per VU; beyond, each is looked up in the run's dictionary. */
    private static final int MAX_CACHED_IDS = 100_000;

    private final VuContext vu;
    private final SampleRing ring;
    private final EpochClock clock;
    private final Map<String, Integer> ids = new HashMap<>();

    VuSamples(VuContext vu, SampleRing ring, EpochClock clock) {
        this.vu = vu;
        this.ring = ring;
        this.clock = clock;
    }

    /** The run-wide dictionary id of {@code text}. */
    public int intern(String text) {
        Integer id = ids.get(text);
        if (id == null) {
            id = ring.dictionary().intern(text);
            if (ids.size() < MAX_CACHED_IDS) {
                ids.put(text, id);
            }
        }
        return id;
    }

    /** The text of dictionary id {@code id}, or null. */
    public String text(int id) {
        return ring.dictionary().text(id);
    }

    /** One HTTP exchange as a REQUEST record; its intended start is the iteration's lag earlier. */
    public void request(HttpExchange exchange, int methodId, int nameId, int tagSetId) {
        long sequence = ring.claim();
        try {
            SampleEvent slot = ring.slot(sequence);
            slot.kind = SampleKind.REQUEST;
            exchange.writeTo(slot, clock);
            slot.intendedStartNanos = slot.startNanos - vu.lagNanos();
            slot.methodId = methodId;
            slot.nameId = nameId;
            slot.tagSetId = tagSetId;
            stamp(slot);
        } finally {
            ring.publish(sequence);
        }
    }

    /** One {@code check()} outcome as a CHECK record. */
    public void check(int nameId, int tagSetId, boolean pass, String message) {
        long sequence = ring.claim();
        try {
            SampleEvent slot = ring.slot(sequence);
            slot.kind = SampleKind.CHECK;
            slot.startNanos = clock.nowNanos();
            slot.intendedStartNanos = slot.startNanos;
            slot.nameId = nameId;
            slot.tagSetId = tagSetId;
            slot.value = pass ? 1 : 0;
            slot.text = message;
            stamp(slot);
        } finally {
            ring.publish(sequence);
        }
    }

    /** One custom metric value as a METRIC record. */
    public void metric(int nameId, MetricType type, double value, int tagSetId) {
        long sequence = ring.claim();
        try {
            SampleEvent slot = ring.slot(sequence);
            slot.kind = SampleKind.METRIC;
            slot.startNanos = clock.nowNanos();
            slot.intendedStartNanos = slot.startNanos;
            slot.nameId = nameId;
            slot.metricType = type;
            slot.value = value;
            slot.tagSetId = tagSetId;
            stamp(slot);
        } finally {
            ring.publish(sequence);
        }
    }

    private void stamp(SampleEvent slot) {
        slot.scenarioId = vu.scenarioId();
        slot.vu = vu.vu();
        slot.iteration = vu.iteration();
    }
}
