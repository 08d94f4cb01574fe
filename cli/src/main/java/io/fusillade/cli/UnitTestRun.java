package io.fusillade.cli;

import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.js.host.TestResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One {@code fusillade test}: evaluates the script once with unit tests enabled and reports each. */
final class UnitTestRun {
    private UnitTestRun() {
    }

    /** Runs {@code script}'s tests and returns the exit code. */
    static int launch(Path script, String logLevel) {
        return StandaloneVu.guarded(() -> run(script, StandaloneVu.level(logLevel)));
    }

    private static int run(Path script, ScriptLog.Level level) {
        PrintStream out = System.out;
        long start = System.nanoTime();
        List<TestResult> results;
        try (ScriptRuntime runtime = ScriptRuntime.load(script)) {
            runtime.shared().enableTests();
            try (StandaloneVu ignored = new StandaloneVu(runtime, script, null, false, new ScriptLog(out, System.err, level))) {
                results = runtime.shared().testResults();
            }
        }
        long failed = 0;
        for (TestResult result : results) {
            out.printf(Locale.ROOT, "  %s %s (%d ms)%n", result.passed() ? "✓" : "✗", result.name(), result.millis());
            if (!result.passed()) {
                failed++;
                out.println("      " + result.message());
            }
        }
        out.printf(Locale.ROOT, "%n%d passed, %d failed (%.2f s)%n", results.size() - failed, failed, (System.nanoTime() - start) / 1e9);
        if (results.isEmpty()) {
            System.err.println("fusillade: " + script + " defines no tests (use test(name, fn) at the top level or inside describe)");
            return ExitCodes.TESTS_FAILED;
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.TESTS_FAILED;
    }
}
