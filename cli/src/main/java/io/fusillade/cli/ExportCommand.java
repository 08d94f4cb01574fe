package io.fusillade.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fusillade export FILE --format curl}: a capture file's failed requests as runnable curl commands. */
@Command(name = "export", description = "Print captured failed requests (--capture-errors) as curl commands.", sortOptions = false)
public final class ExportCommand implements Callable<Integer> {
    /** The formats requests can be exported in. */
    enum Format { curl }

    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by run --capture-errors.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "curl", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        List<CapturedRequest> requests;
        try {
            requests = CapturedRequest.read(file);
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade export: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        PrintStream out = System.out;
        int n = 0;
        for (CapturedRequest r : requests) {
            n++;
            out.printf("# Request %d - %s %s (Status: %d, Error: %s)%n", n, r.method(), r.url(), r.status(), r.error());
            out.println(curl(r));
            out.println();
        }
        return ExitCodes.OK;
    }

    /** The curl command that sends {@code r} again, one option per line. */
    static String curl(CapturedRequest r) {
        StringBuilder cmd = new StringBuilder("curl -X ").append(r.method()).append(" \\\n");
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            cmd.append("  -H ").append(shellQuote(h.getKey() + ": " + h.getValue())).append(" \\\n");
        }
        if (r.body() != null) {
            cmd.append("  --data-raw ").append(shellQuote(r.body())).append(" \\\n");
        }
        return cmd.append("  ").append(shellQuote(r.url())).toString();
    }

    /** {@code text} in single quotes for a POSIX shell (a single quote becomes '\''). */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
