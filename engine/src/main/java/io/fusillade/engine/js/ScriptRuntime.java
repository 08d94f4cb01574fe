package io.fusillade.engine.js;

import io.fusillade.engine.js.host.RunShared;
import io.fusillade.engine.js.imports.BuiltinModules;
import io.fusillade.engine.js.imports.ModuleFileSystem;
import io.fusillade.engine.js.modules.Modules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One test script, ready to be instantiated once per VU: a single shared GraalJS
 * {@link Engine} (so compiled code is shared across VUs) and one cached module {@link Source}.
 *
 * <p>Each VU gets its own {@link Context} from {@link #newContext()}. Scripts see only the
 * Fusillade API: host access is explicit-only, and the file system is read-only (for
 * {@code import './lib.js'} and {@code open()}).
 */
public final class ScriptRuntime implements AutoCloseable {
    private static final String MODULE_MIME = "application/javascript+module";

    private final Path script;
    private final Engine engine;
    private final Source source;
    private final String sha256;
    private static final BuiltinModules MODULES = new BuiltinModules(Modules.ALL);
    private final RunShared shared;

    private ScriptRuntime(Path script, Engine engine, Source source, String sha256) {
        this.script = script;
        this.engine = engine;
        this.source = source;
        this.sha256 = sha256;
        this.shared = new RunShared(script.getParent());
    }

    /** What the run's VUs share across modules (metric types, abort, test results, each module's run state). */
    public RunShared shared() {
        return shared;
    }

    /**
     * Reads {@code script} and prepares a new engine for it.
     *
     * @throws ScriptException when the file is missing or unreadable
     */
    public static ScriptRuntime load(Path script) {
        return load(script, ScriptRuntime::newEngine);
    }

    /**
     * Reads {@code script} and takes its engine from {@code engines} (e.g. one {@link EngineStart}
     * began building earlier); the runtime owns and closes that engine.
     *
     * @throws ScriptException when the file is missing or unreadable
     */
    public static ScriptRuntime load(Path script, Supplier<Engine> engines) {
        Path path = script.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ScriptException("script not found: " + script);
        } catch (IOException e) {
            throw new ScriptException("cannot read script " + script + ": " + e.getMessage());
        }
        if (Files.isDirectory(path)) {
            throw new ScriptException("script is a directory, not a file: " + script);
        }
        Source source;
        try {
            source = Source.newBuilder("js", path.toFile()).mimeType(MODULE_MIME).build();
        } catch (IOException e) {
            throw new ScriptException("cannot read script " + script + ": " + e.getMessage());
        }
        return new ScriptRuntime(path, engines.get(), source, sha256(bytes));
    }

    /**
     * A script given as text rather than a file ({@code fusillade exec}): {@code name} stands
     * for its file name in errors, and imports resolve against {@code dir}.
     */
    public static ScriptRuntime inline(String code, String name, Path dir) {
        Path base = dir.toAbsolutePath().normalize();
        Source source = Source.newBuilder("js", code, name).mimeType(MODULE_MIME).buildLiteral();
        return new ScriptRuntime(base.resolve(name), newEngine(), source,
                sha256(code.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new engine configured for test scripts; contexts made from one engine share compiled code. */
    public static Engine newEngine() {
        try {
            // Code that runs once per VU at start-up (module evaluation) would otherwise cross
            // the default threshold with a few dozen VUs and be compiled for nothing; the load
            // path crosses 2000 calls within a fraction of a second anyway. Measured: ~7% more
            // requests in a 10 s run of 50 VUs. Only the optimizing runtime knows the option.
            return engineBuilder().option("engine.FirstTierCompilationThreshold", "2000").build();
        } catch (IllegalArgumentException interpreterOnly) {
            return engineBuilder().build();
        }
    }

    private static Engine.Builder engineBuilder() {
        // We report an interpreted engine ourselves; virtual threads are how VUs run by design.
        return Engine.newBuilder("js")
                .allowExperimentalOptions(true)
                .option("engine.WarnInterpreterOnly", "false")
                .option("engine.WarnVirtualThreadSupport", "false");
    }

    /** The script's absolute path. */
    public Path script() {
        return script;
    }

    /** SHA-256 of the script file, hex, for the run metadata. */
    public String sha256() {
        return sha256;
    }

    /** True when the optimizing compiler is active; false means scripts run interpreted (much slower). */
    public boolean jitEnabled() {
        return !"Interpreted".equalsIgnoreCase(engine.getImplementationName());
    }

    /** The engine's self-description, e.g. "Graal Truffle Runtime" or "Interpreted". */
    public String engineName() {
        return engine.getImplementationName();
    }

    /** A fresh, isolated JS context for one VU (globals not yet installed, module not yet evaluated). */
    public Context newContext() {
        return Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HostAccess.EXPLICIT)
                .allowIO(IOAccess.newBuilder().fileSystem(new ModuleFileSystem(MODULES)).build())
                .option("js.esm-eval-returns-exports", "true")
                .option("js.ecmascript-version", "2024")
                .option("js.console", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.graal-builtin", "false")
                .currentWorkingDirectory(script.getParent())
                .build();
    }

    /**
     * Evaluates the script module in {@code context} and returns its exports.
     *
     * @throws ScriptException with {@code file:line:col} for syntax errors and init-time exceptions
     */
    public Value evalModule(Context context) {
        try {
            return context.eval(source);
        } catch (PolyglotException e) {
            throw scriptError(e, script);
        }
    }

    /** A printable error for a script exception: location first, then the JS message. */
    public static ScriptException scriptError(PolyglotException e, Path script) {
        return new ScriptException(describe(e, script), e);
    }

    /** {@code file:line:col: message} for a polyglot exception (the location falls back to the script). */
    public static String describe(PolyglotException e, Path script) {
        SourceSection at = e.getSourceLocation();
        if (!e.isSyntaxError() && (at == null || isInternal(at))) {
            // Point at the user's code, not at the API's own JavaScript that it called.
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                SourceSection frameAt = frame.getSourceLocation();
                if (frame.isGuestFrame() && frameAt != null && !isInternal(frameAt)) {
                    at = frameAt;
                    break;
                }
            }
        }
        String message = e.getMessage() == null ? "script error" : e.getMessage();
        if (at == null) {
            return script + ": " + message;
        }
        String file = at.getSource().getPath() != null ? at.getSource().getPath() : at.getSource().getName();
        String location = relative(file) + ":" + at.getStartLine() + ":" + at.getStartColumn();
        // Graal puts "name:line:col " in front of syntax errors; say it once.
        String name = at.getSource().getName();
        String prefix = name + ":" + at.getStartLine();
        int cut = message.indexOf(prefix);
        if (cut >= 0) {
            int space = message.indexOf(' ', cut + prefix.length());
            if (space > 0) {
                message = message.substring(0, cut) + message.substring(space + 1);
            }
        }
        return location + ": " + message.strip();
    }

    private static boolean isInternal(SourceSection at) {
        String name = at.getSource().getName();
        String path = at.getSource().getPath();
        return VuRuntime.isApiSource(name) || (path != null && path.startsWith(BuiltinModules.ROOT.toString()));
    }

    private static String relative(String file) {
        try {
            Path p = Path.of(file);
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p).toString() : file;
        } catch (RuntimeException e) {
            return file;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
