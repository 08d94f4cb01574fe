package io.fusillade.engine.js.modules.data;

import io.fusillade.engine.js.host.ScriptFiles;
import io.fusillade.engine.js.host.Uuids;
import io.fusillade.engine.js.host.VuContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The host side of one VU's {@code data} module: shared arrays and CSV files, and random test data. */
public final class DataHost {
    private final VuContext vu;
    private final DataState shared;

    DataHost(VuContext vu) {
        this.vu = vu;
        this.shared = vu.run().state(DataState.class, DataState::new);
    }

    /** The shared array {@code name}, built by {@code build} (a JS function returning JSON texts) the first time. */
    @HostAccess.Export
    public SharedData sharedArray(String name, Value build) {
        if (!vu.inInit()) {
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
        if (!vu.inInit()) {
            throw new IllegalStateException("SharedCSV('" + path + "') can only be created in the init context (top-level code)");
        }
        Path file = ScriptFiles.resolve(vu, path);
        return shared.csvFiles().get(file.toString(),
                () -> CsvTable.parse(new String(ScriptFiles.read(vu, path, "SharedCSV"), StandardCharsets.UTF_8), file.toString()));
    }

    @HostAccess.Export
    public String uuid() {
        return Uuids.random();
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

    /** A run-wide sequence, 1, 2, 3, ... across all VUs. */
    @HostAccess.Export
    public double sequentialId() {
        return shared.nextSequentialId();
    }
}
