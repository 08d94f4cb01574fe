package io.fusillade.engine.js.host;

import io.fusillade.ingest.TagSets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One VU as its modules see it: who it is (number, scenario), where it is (init code or an
 * iteration, which one, how late it started, which {@code group()}), the tags its samples
 * carry now, where it writes them ({@link #samples()}), and what it shares with the run.
 * Used by the VU's own thread only.
 */
public final class VuContext {
    private static final int MAX_CACHED_GROUPS = 10_000;

    private final int vu;
    private final int scenarioId;
    private final String scenario;
    private final Map<String, String> scenarioTags;
    private final RunServices services;
    private final RunShared run;
    private final Path scriptDir;
    private final VuSamples samples;
    private final ProxyObject env;
    private boolean init = true;
    private long iteration;
    private long lagNanos;
    private long sleptNanos;
    private String group = "";
    private int tagSetId;
    private final Map<String, Integer> groupTagSetIds = new HashMap<>();
    private long runTagsVersion;
    private Map<String, String> runTags = Map.of();

    /**
     * @param vu           the VU number, 1-based
     * @param scenarioId   the scenario name's dictionary id (0 outside scenarios)
     * @param scenario     the scenario's name ({@code __SCENARIO})
     * @param scenarioTags the scenario's {@code tags}, on every request and check (a request's own tags win)
     */
    public VuContext(int vu, int scenarioId, String scenario, Map<String, String> scenarioTags, RunServices services,
                     RunShared run) {
        this.vu = vu;
        this.scenarioId = scenarioId;
        this.scenario = scenario;
        this.scenarioTags = Map.copyOf(scenarioTags);
        this.services = services;
        this.run = run;
        this.scriptDir = run.scriptDir();
        this.samples = new VuSamples(this, services.ring(), services.clock());
        this.env = ProxyObject.fromMap(new HashMap<>(services.env()));
        this.runTagsVersion = services.tags().version();
        this.runTags = services.tags().tags();
        this.tagSetId = groupTagSet("");
    }

    public int vu() {
        return vu;
    }

    public int scenarioId() {
        return scenarioId;
    }

    public String scenario() {
        return scenario;
    }

    /** The scenario's own tags. */
    public Map<String, String> scenarioTags() {
        return scenarioTags;
    }

    public RunServices services() {
        return services;
    }

    /** What this VU shares with the run's other VUs. */
    public RunShared run() {
        return run;
    }

    /** The script's folder: relative file names are resolved against it. */
    public Path scriptDir() {
        return scriptDir;
    }

    /** Where this VU's samples go. */
    public VuSamples samples() {
        return samples;
    }

    /** {@code __ENV}: this VU's own copy of the environment. */
    public ProxyObject env() {
        return env;
    }

    /** True while the script's init code runs (requests are not allowed there; files may be opened). */
    public boolean inInit() {
        return init;
    }

    /** The init code has run: iterations follow. */
    public void endInit() {
        init = false;
    }

    /** The iteration now running (0 in init code). */
    public long iteration() {
        return iteration;
    }

    /** How late the current iteration started against its arrival-rate plan, in nanoseconds. */
    public long lagNanos() {
        return lagNanos;
    }

    /** Marks the start of iteration {@code number}, {@code lagNanos} after its planned start. */
    public void beginIteration(long number, long lag) {
        iteration = number;
        lagNanos = lag;
        sleptNanos = 0;
    }

    /** Nanoseconds slept so far in the current iteration, so iteration time can exclude sleep. */
    public long sleptNanos() {
        return sleptNanos;
    }

    /** Counts {@code nanos} more of sleep in the current iteration. */
    public void slept(long nanos) {
        sleptNanos += nanos;
    }

    /** The current {@code group()} path ({@code ::outer::inner}), empty outside groups. */
    public String group() {
        return group;
    }

    /** Enters or leaves a {@code group()}: later samples are tagged {@code group=path}. */
    public void setGroup(String path) {
        group = path;
        tagSetId = groupTagSet(path);
    }

    /**
     * The tag set every record of the VU carries right now, when it has no tags of its own:
     * the run control's tags, then the scenario's, then the group when it is in one.
     */
    public int tagSetId() {
        if (services.tags().version() != runTagsVersion) {
            runTagsChanged();
        }
        return tagSetId;
    }

    /**
     * The id of a record's own tag set {@code tags} (changed in place): the group is added
     * unless the tags name one, and the run control's tags unless they set the key; 0 for none.
     */
    public int tagSet(TreeMap<String, String> tags) {
        if (!group.isEmpty()) {
            tags.putIfAbsent("group", group);
        }
        if (services.tags().version() != runTagsVersion) {
            runTagsChanged();
        }
        for (Map.Entry<String, String> tag : runTags.entrySet()) {
            tags.putIfAbsent(tag.getKey(), tag.getValue());
        }
        return tags.isEmpty() ? 0 : samples.intern(TagSets.encode(tags));
    }

    private void runTagsChanged() {
        runTagsVersion = services.tags().version();
        runTags = services.tags().tags();
        groupTagSetIds.clear();
        tagSetId = groupTagSet(group);
    }

    private int groupTagSet(String path) {
        Integer id = groupTagSetIds.get(path);
        if (id == null) {
            TreeMap<String, String> tags = new TreeMap<>(runTags);
            tags.putAll(scenarioTags);
            if (!path.isEmpty()) {
                tags.put("group", path);
            }
            id = tags.isEmpty() ? 0 : samples.intern(TagSets.encode(tags));
            if (groupTagSetIds.size() < MAX_CACHED_GROUPS) {
                groupTagSetIds.put(path, id);
            }
        }
        return id;
    }
}
