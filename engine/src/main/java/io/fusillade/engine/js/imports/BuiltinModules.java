package io.fusillade.engine.js.imports;

import io.fusillade.engine.js.host.JsModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modules a script can import by name: the import names the registered {@link JsModule}s
 * serve (k6's {@code k6}, {@code k6/http}, {@code k6/metrics}, ... and the k6-utils helpers k6
 * scripts load from jslib.k6.io). Each is a small ES module over its module's exports, kept
 * next to the module's class, so a k6 script runs unchanged.
 *
 * <p>Any other {@code k6/...} name, and any other remote URL, fails the import with one message
 * naming what was imported.
 */
public final class BuiltinModules {
    /** Where built-in modules live in the scripts' file system; no real path starts here. */
    public static final Path ROOT = Path.of("/@fusillade-builtin");

    /** One import file: the module whose folder holds it, and its resource name there. */
    private record ImportFile(JsModule module, String resource) {
    }

    /** By bare import name ({@code k6/http}). */
    private final Map<String, Path> named = new LinkedHashMap<>();
    /** By a part of a remote URL ({@code jslib.k6.io/k6-utils/}). */
    private final Map<String, Path> remote = new LinkedHashMap<>();
    private final Map<Path, ImportFile> files = new HashMap<>();
    private final List<String> k6Names;
    private final Map<Path, byte[]> sources = new ConcurrentHashMap<>();
    /** Paths that stand for modules that cannot be had, with the reason reading them gives. */
    private final Map<Path, String> unreadable = new ConcurrentHashMap<>();

    /** The import names {@code modules} serve. */
    public BuiltinModules(List<JsModule> modules) {
        for (JsModule module : modules) {
            for (Map.Entry<String, String> entry : module.imports().entrySet()) {
                Path path = ROOT.resolve(module.name() + "-" + entry.getValue());
                files.put(path, new ImportFile(module, entry.getValue()));
                (entry.getKey().contains(".") ? remote : named).put(entry.getKey(), path);
            }
        }
        k6Names = named.keySet().stream().filter(n -> n.equals("k6") || n.startsWith("k6/")).sorted().toList();
    }

    /** True for a path this class serves. */
    public static boolean isBuiltin(Path path) {
        return path.startsWith(ROOT);
    }

    /** The path for a bare specifier this class serves, or null when it is not one of ours. */
    Path resolve(String specifier) {
        Path path = named.get(specifier);
        if (path != null) {
            return path;
        }
        if (specifier.startsWith("k6/")) {
            throw new IllegalArgumentException("unsupported k6 module '" + specifier
                    + "': Fusillade provides " + String.join(", ", k6Names));
        }
        return null;
    }

    /** The path for a remote module URL: the built-in ones (k6-utils) are served, anything else fails clearly. */
    Path remote(String url) {
        for (Map.Entry<String, Path> entry : remote.entrySet()) {
            if (url.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        Path path = ROOT.resolve("remote").resolve(Integer.toHexString(url.hashCode()) + ".js");
        unreadable.put(path, "remote module '" + url + "' cannot be imported: Fusillade loads only local files and built-in modules;"
                + " save it next to the script and import it by a relative path");
        return path;
    }

    /** The source text of a built-in path. */
    byte[] source(Path path) throws IOException {
        byte[] known = sources.get(path);
        if (known != null) {
            return known;
        }
        String reason = unreadable.get(path);
        if (reason != null) {
            throw new IOException(reason);
        }
        ImportFile file = files.get(path);
        if (file == null) {
            throw new NoSuchFileException(path.toString());
        }
        try (InputStream in = file.module().getClass().getResourceAsStream(file.resource())) {
            if (in == null) {
                throw new NoSuchFileException(path.toString());
            }
            byte[] bytes = in.readAllBytes();
            sources.put(path, bytes);
            return bytes;
        }
    }
}
