package io.fusillade.engine.js.modules.k6;

import io.fusillade.engine.js.host.ScriptFiles;
import io.fusillade.engine.js.host.VuContext;
import io.fusillade.engine.js.host.VuInterruptedException;
import io.fusillade.ingest.MetricType;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.HostAccess;

/** The host side of one VU's {@code k6} module: what {@code k6.js} calls. */
public final class K6Host {
    private static final String GROUP_DURATION = "group_duration";

    private final VuContext vu;
    private int groupDurationId = -1;

    K6Host(VuContext vu) {
        this.vu = vu;
    }

    /** The dictionary id of a check's name, which {@code k6.js} keeps per name. */
    @HostAccess.Export
    public int intern(String text) {
        return vu.samples().intern(text);
    }

    /** One check outcome, tagged as the VU's records are now. */
    @HostAccess.Export
    public void check(int nameId, boolean pass, String message) {
        vu.samples().check(nameId, vu.tagSetId(), pass, message);
    }

    /** Enters or leaves a {@code group()}. */
    @HostAccess.Export
    public void setGroup(String path) {
        vu.setGroup(path);
    }

    /** A finished {@code group()}: k6's {@code group_duration} trend, in milliseconds, tagged with the group. */
    @HostAccess.Export
    public void groupDuration(double millis) {
        if (vu.inInit()) {
            return;
        }
        if (groupDurationId < 0) {
            vu.run().defineMetric(GROUP_DURATION, MetricType.TREND);
            groupDurationId = vu.samples().intern(GROUP_DURATION);
        }
        vu.samples().metric(groupDurationId, MetricType.TREND, millis, vu.tagSetId());
    }

    /** {@code sleep(seconds)}: the VU's thread sleeps; an interrupted sleep ends the iteration. */
    @HostAccess.Export
    public void sleep(double seconds) {
        if (!(seconds > 0)) {
            return;
        }
        long nanos = (long) (seconds * 1e9);
        long start = System.nanoTime();
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VuInterruptedException();
        } finally {
            vu.slept(System.nanoTime() - start);
        }
    }

    /** {@code open(path)}: a file's text, relative to the script; init code only, as in k6. */
    @HostAccess.Export
    public String open(String path) {
        return new String(ScriptFiles.read(vu, path, "open"), StandardCharsets.UTF_8);
    }

    /** {@code open(path, 'b')}: a file's bytes, one char per byte ({@code k6.js} makes an ArrayBuffer). */
    @HostAccess.Export
    public String openBinary(String path) {
        return new String(ScriptFiles.read(vu, path, "open"), StandardCharsets.ISO_8859_1);
    }
}
