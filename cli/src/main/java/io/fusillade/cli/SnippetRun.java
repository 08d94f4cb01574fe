package io.fusillade.cli;

import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.host.ScriptLog;
import java.nio.file.Path;

/** One {@code fusillade exec}: the snippet as a module of one iteration, its value printed. */
final class SnippetRun {
    private static final String NAME = "exec.js";

    private SnippetRun() {
    }

    /** Runs {@code code} and returns the exit code. */
    static int launch(String code, String logLevel) {
        return StandaloneVu.guarded(() -> run(code, StandaloneVu.level(logLevel)));
    }

    private static int run(String code, ScriptLog.Level level) {
        Path cwd = Path.of("").toAbsolutePath();
        ScriptLog log = new ScriptLog(System.out, System.err, level);
        try (ScriptRuntime runtime = ScriptRuntime.inline(module(code), NAME, cwd);
             StandaloneVu standalone = new StandaloneVu(runtime, cwd.resolve(NAME), "default", true, log)) {
            String error = standalone.vu().iterate(0);
            if (error != null) {
                System.err.println("fusillade: " + error);
                return ExitCodes.SCRIPT_ERROR;
            }
            return ExitCodes.OK;
        }
    }

    /** The snippet as a module: as it is when it exports a default function, else run and its value printed. */
    static String module(String code) {
        if (code.contains("export default")) {
            return code;
        }
        String quoted = '"' + code.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
        return "export default function () {\n"
                + "  const value = (0, eval)(" + quoted + ");\n"
                + "  if (value !== undefined) {\n"
                + "    print(typeof value === 'string' ? value : JSON.stringify(value, null, 2) ?? String(value));\n"
                + "  }\n"
                + "}\n";
    }
}
