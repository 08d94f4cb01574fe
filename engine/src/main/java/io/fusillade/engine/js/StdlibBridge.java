package io.fusillade.engine.js;

import io.fusillade.engine.executor.RunProgress;
import io.fusillade.engine.js.stdlib.Base64Variant;
import io.fusillade.engine.js.stdlib.CsvTable;
import io.fusillade.engine.js.stdlib.Digests;
import io.fusillade.engine.js.stdlib.RandomData;
import io.fusillade.engine.js.stdlib.ScriptShared;
import io.fusillade.engine.js.stdlib.SharedData;
import io.fusillade.engine.js.stdlib.TestResult;
import io.fusillade.engine.js.stdlib.TrendStats;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleWriter;
import io.fusillade.ingest.TagSets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The host side of one VU's standard library ({@code stdlib.js}): custom metric samples,
 * {@code open()}, shared arrays and CSV files, hashing, base64, random data, unit test results
 * and {@code exec.test.abort()}. Used by the VU's own thread; what VUs share lives in
 * {@link ScriptShared}.
 */
public final class StdlibBridge {
    private static final SampleWriter<StdlibBridge> METRIC = StdlibBridge::writeMetric;
    /** The standard library's parts, each evaluated in a VU the first time it uses one of their globals. */
    private static final Map<String, Source> PARTS = parts("metrics", "data", "crypto", "tests", "k6");
    private static final String GROUP_DURATION = "group_duration";

    private final VuBridge vu;
    private final int vuNumber;
    private final int scenarioId;
    private final VuServices services;
    private final ScriptShared shared;

    // The sample being published: set just before ring.publish, read by the writer.
    private int pendingNameId;
    private MetricType pendingType;
    private double pendingValue;
    private int pendingTagSetId;
    private int groupDurationId = -1;
    private static final long STATS_MAX_AGE_NANOS = 250_000_000L;
    private final Map<String, CachedStats> statsCache = new HashMap<>();

    StdlibBridge(VuBridge vu, int vuNumber, int scenarioId, VuServices services, ScriptShared shared) {
        this.vu = vu;
        this.vuNumber = vuNumber;
        this.scenarioId = scenarioId;
        this.services = services;
        this.shared = shared;
    }

    private static Map<String, Source> parts(String... names) {
        Map<String, Source> parts = new HashMap<>();
        for (String name : names) {
            parts.put(name, VuRuntime.load("stdlib-" + name + ".js", VuRuntime.STDLIB_PART_PREFIX + name + ".js"));
        }
        return Map.copyOf(parts);
    }

    /** The function that installs part {@code name} of the standard library, evaluated in the calling VU's context. */
    @HostAccess.Export
    public Value loadPart(String name) {
        Source source = PARTS.get(name);
        if (source == null) {
            throw new IllegalArgumentException("no standard library part '" + name + "'");
        }
        return Context.getCurrent().eval(source);
    }

    // ---- custom metrics -----------------------------------------------------------------------

    /** Registers a custom metric's type for the run and returns its name's id. */
    @HostAccess.Export
    public int defineMetric(String name, int typeCode) {
        shared.defineMetric(name, MetricType.ofCode(typeCode));
        return vu.intern(name);
    }

    @HostAccess.Export
    public void addMetric(int nameId, int typeCode, double value) {
        publish(nameId, MetricType.ofCode(typeCode), value, vu.groupTagSetId());
    }

    @HostAccess.Export
    public void addTaggedMetric(int nameId, int typeCode, double value, Value tags) {
        TreeMap<String, String> map = new TreeMap<>();
        if (tags != null && tags.hasMembers()) {
            for (String key : tags.getMemberKeys()) {
                Value v = tags.getMember(key);
                map.put(key, v.isString() ? v.asString() : v.toString());
            }
        }
        if (!vu.group().isEmpty()) {
            map.putIfAbsent("group", vu.group());
        }
        publish(nameId, MetricType.ofCode(typeCode), value, map.isEmpty() ? 0 : vu.intern(TagSets.encode(map)));
    }

    /** A finished {@code group()}: k6's {@code group_duration} trend, in milliseconds, tagged with the group. */
    @HostAccess.Export
    public void groupDuration(double millis) {
        if (vu.initPhase) {
            return;
        }
        if (groupDurationId < 0) {
            shared.defineMetric(GROUP_DURATION, MetricType.TREND);
            groupDurationId = vu.intern(GROUP_DURATION);
        }
        publish(groupDurationId, MetricType.TREND, millis, vu.groupTagSetId());
    }

    private void publish(int nameId, MetricType type, double value, int tagSetId) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a metric value must be a finite number, not " + value);
        }
        pendingNameId = nameId;
        pendingType = type;
        pendingValue = value;
        pendingTagSetId = tagSetId;
        services.ring().publish(METRIC, this);
    }

    private static void writeMetric(SampleEvent slot, StdlibBridge bridge) {
        slot.kind = SampleKind.METRIC;
        slot.startNanos = bridge.services.clock().nowNanos();
        slot.intendedStartNanos = slot.startNanos;
        slot.nameId = bridge.pendingNameId;
        slot.metricType = bridge.pendingType;
        slot.value = bridge.pendingValue;
        slot.tagSetId = bridge.pendingTagSetId;
        slot.scenarioId = bridge.scenarioId;
        slot.vu = bridge.vuNumber;
        slot.iteration = bridge.vu.iteration;
    }

    /**
     * {@code stats.get(name)}: live statistics as JSON, or null. Asking the aggregator waits for
     * its next batch, so each VU keeps an answer for a quarter of a second.
     */
    @HostAccess.Export
    public String stats(String name) {
        long now = System.nanoTime();
        CachedStats cached = statsCache.get(name);
        if (cached != null && now - cached.atNanos() < STATS_MAX_AGE_NANOS) {
            return cached.json();
        }
        String json = shared.stats(name).map(TrendStats::toJson).orElse(null);
        if (statsCache.size() > 1_000) {
            statsCache.clear();
        }
        statsCache.put(name, new CachedStats(now, json));
        return json;
    }

    private record CachedStats(long atNanos, String json) {
    }

    // ---- files and shared data ----------------------------------------------------------------

    /** {@code open(path)}: a file's text, relative to the script; init code only, as in k6. */
    @HostAccess.Export
    public String open(String path) {
        return new String(read(path, "open"), StandardCharsets.UTF_8);
    }

    /** {@code open(path, 'b')}: a file's bytes, one char per byte (stdlib.js makes an ArrayBuffer). */
    @HostAccess.Export
    public String openBinary(String path) {
        return new String(read(path, "open"), StandardCharsets.ISO_8859_1);
    }

    private byte[] read(String path, String what) {
        if (!vu.initPhase) {
            throw new IllegalStateException(what + "('" + path + "') is only available in the init context (top-level code):"
                    + " read files there and keep the result in a variable");
        }
        Path file = resolve(path);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + ": file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    private Path resolve(String path) {
        String plain = path.startsWith("file://") ? path.substring("file://".length()) : path;
        return shared.scriptDir().resolve(plain).toAbsolutePath().normalize();
    }

    /** The shared array {@code name}, built by {@code build} (a JS function returning JSON texts) the first time. */
    @HostAccess.Export
    public SharedData sharedArray(String name, Value build) {
        if (!vu.initPhase) {
            throw new IllegalStateException("SharedArray '" + name + "' can only be created in the init context (top-level code)");
        }
        return shared.arrays().get(name, () -> {
            Value items = build.execute();
            String[] json = new String[(int) items.getArraySize()];
            for (int i = 0; i < json.length; i++) {
                json[i] = items.getArrayElement(i).asString();
            }
            return new SharedData(json);
        });
    }

    /** The CSV file at {@code path} (relative to the script), parsed once per run. */
    @HostAccess.Export
    public CsvTable sharedCsv(String path) {
        if (!vu.initPhase) {
            throw new IllegalStateException("SharedCSV('" + path + "') can only be created in the init context (top-level code)");
        }
        Path file = resolve(path);
        return shared.csvFiles().get(file.toString(),
                () -> CsvTable.parse(new String(read(path, "SharedCSV"), StandardCharsets.UTF_8), file.toString()));
    }

    // ---- crypto and encoding ------------------------------------------------------------------

    @HostAccess.Export
    public String hash(String algorithm, Value data, String encoding) {
        return Digests.encode(Digests.hash(algorithm, bytes(data)), encoding);
    }

    @HostAccess.Export
    public String hmac(String algorithm, Value key, Value data, String encoding) {
        return Digests.encode(Digests.hmac(algorithm, bytes(key), bytes(data)), encoding);
    }

    @HostAccess.Export
    public String randomBytes(int size) {
        if (size < 0 || size > 1 << 20) {
            throw new IllegalArgumentException("randomBytes: size must be between 0 and 1048576, not " + size);
        }
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @HostAccess.Export
    public String b64encode(Value data, String variant) {
        return Base64Variant.named(variant).encode(bytes(data));
    }

    @HostAccess.Export
    public String b64decode(String data, String variant) {
        return new String(Base64Variant.named(variant).decode(data), StandardCharsets.UTF_8);
    }

    /** Decoded bytes, one char per byte (k6/encoding makes an ArrayBuffer of them). */
    @HostAccess.Export
    public String b64decodeBytes(String data, String variant) {
        return new String(Base64Variant.named(variant).decode(data), StandardCharsets.ISO_8859_1);
    }

    /** A string's UTF-8 bytes, or an ArrayBuffer's / typed array's / array's bytes. */
    private static byte[] bytes(Value data) {
        if (data == null || data.isNull()) {
            return new byte[0];
        }
        byte[] raw = JsBytes.of(data);
        if (raw != null) {
            return raw;
        }
        if (data.hasArrayElements()) {
            byte[] bytes = new byte[(int) data.getArraySize()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) data.getArrayElement(i).asInt();
            }
            return bytes;
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- utils --------------------------------------------------------------------------------

    @HostAccess.Export
    public String uuid() {
        return RandomData.uuid();
    }

    @HostAccess.Export
    public double randomInt(double min, double max) {
        return RandomData.randomInt((long) min, (long) max);
    }

    @HostAccess.Export
    public String randomString(int length, String charset) {
        return RandomData.randomString(length, charset);
    }

    @HostAccess.Export
    public String randomEmail() {
        return RandomData.email();
    }

    @HostAccess.Export
    public String randomPhone() {
        return RandomData.phone();
    }

    @HostAccess.Export
    public String randomName() {
        return RandomData.nameJson();
    }

    @HostAccess.Export
    public String randomDate(int startYear, int endYear) {
        return RandomData.date(startYear, endYear);
    }

    @HostAccess.Export
    public double sequentialId() {
        return shared.nextSequentialId();
    }

    // ---- tests and execution ------------------------------------------------------------------

    @HostAccess.Export
    public boolean testing() {
        return shared.testing();
    }

    @HostAccess.Export
    public void testResult(String name, boolean passed, String message, double millis) {
        shared.testResult(new TestResult(name, passed, message, (long) millis));
    }

    /** One figure of {@code exec.instance}: vusActive, vusInitialized, iterationsCompleted, iterationsInterrupted, currentTestRunDuration. */
    @HostAccess.Export
    public double instance(String field) {
        RunProgress progress = services.progress();
        return switch (field) {
            case "vusActive" -> progress.vusActive();
            case "vusInitialized" -> progress.vusInitialized();
            case "iterationsCompleted" -> progress.iterationsCompleted();
            case "iterationsInterrupted" -> progress.iterationsInterrupted();
            case "currentTestRunDuration" -> progress.currentTestRunDuration();
            default -> throw new IllegalArgumentException("exec.instance has no '" + field + "'");
        };
    }

    @HostAccess.Export
    public String scenarioName() {
        String name = scenarioId == 0 ? null : services.ring().dictionary().text(scenarioId);
        return name == null ? "default" : name;
    }

    /** {@code exec.test.abort()}: asks the run to stop and ends this VU's iteration now. */
    @HostAccess.Export
    public void abort(String reason) {
        shared.abort(reason);
        if (vu.initPhase) {
            // In init code the script never starts: say why, as a script error would.
            throw new IllegalStateException("the script aborted the test: " + shared.abortReason());
        }
        throw new VuInterruptedException();
    }
}
