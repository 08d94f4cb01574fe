package io.fusillade.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fusillade replay FILE}: sends a capture file's failed requests again and says, for
 * each, whether it is fixed, still failing the same way, or failing differently. Exit code 0
 * when every one is fixed, 1 otherwise.
 */
@Command(name = "replay", description = "Send captured failed requests (--capture-errors) again and report what changed.", sortOptions = false)
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by run --capture-errors.")
    Path file;

    @Option(names = "--parallel", description = "Send every request at once (default: one after another, 100 ms apart).")
    boolean parallel;

    @Option(names = "--insecure-skip-tls-verify", description = "Accept any TLS certificate.")
    boolean insecureSkipTlsVerify;

    @Override
    public Integer call() throws InterruptedException {
        List<CapturedRequest> requests;
        try {
            requests = CapturedRequest.read(file);
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade replay: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        // Engine types stay out of this class's signatures: picocli reflects on every command's
        // methods when the command line is built, and commands such as analyze run without the engine.
        return Replay.run(requests, parallel, insecureSkipTlsVerify, System.out);
    }
}
