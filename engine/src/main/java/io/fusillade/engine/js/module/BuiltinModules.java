package io.fusillade.engine.js.module;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modules a script can import by name: k6's ({@code k6}, {@code k6/http},
 * {@code k6/metrics}, {@code k6/data}, {@code k6/crypto}, {@code k6/encoding},
 * {@code k6/execution}) and the k6-utils helpers k6 scripts load from jslib.k6.io. Each is a
 * small JavaScript file over the globals every VU already has, so a k6 script runs unchanged.
 *
 * <p>Any other {@code k6/...} name, and any other remote URL, fails the import with one message
 * naming what was imported.
 */
public final class BuiltinModules {
    /** Where built-in modules live in the scripts' file system; no real path starts here. */
    public static final Path ROOT = Path.of("/@fusillade-builtin");

    /** The k6 module names served, each from {@code module/<name with / as ->.js}. */
    public static final List<String> K6_MODULES = List.of("k6", "k6/http", "k6/metrics", "k6/data", "k6/crypto",
            "k6/encoding", "k6/execution");
    private static final String JSLIB_UTILS = "jslib.k6.io/k6-utils/";

    private final Map<Path, byte[]> sources = new ConcurrentHashMap<>();
    /** Paths that stand for modules that cannot be had, with the reason reading them gives. */
    private final Map<Path, String> unreadable = new ConcurrentHashMap<>();

    /** True for a path this class serves. */
    public static boolean isBuiltin(Path path) {
        return path.startsWith(ROOT);
    }

    /** The path for a bare specifier this class serves, or null when it is not one of ours. */
    Path resolve(String specifier) {
        if (K6_MODULES.contains(specifier)) {
            return ROOT.resolve(fileName(specifier));
        }
        if (specifier.startsWith("k6/")) {
            throw new IllegalArgumentException("unsupported k6 module '" + specifier
                    + "': Fusillade provides " + String.join(", ", K6_MODULES));
        }
        return null;
    }

    /** The path for a remote module URL: k6-utils is built in, anything else fails clearly. */
    Path remote(String url) {
        if (url.contains(JSLIB_UTILS)) {
            return ROOT.resolve("jslib-k6-utils.js");
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
        String name = ROOT.relativize(path).toString();
        if (name.contains("/")) {
            throw new NoSuchFileException(path.toString());
        }
        try (InputStream in = BuiltinModules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new NoSuchFileException(path.toString());
            }
            byte[] bytes = in.readAllBytes();
            sources.put(path, bytes);
            return bytes;
        }
    }

    private static String fileName(String specifier) {
        return specifier.replace('/', '-') + ".js";
    }
}
