package io.fusillade.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes what {@code handleSummary(data)} returned: {@code stdout} and {@code stderr} to the
 * console, every other key to the file it names (relative to the working directory, parent
 * folders created).
 */
final class SummaryOutputs {
    private SummaryOutputs() {
    }

    /**
     * Writes each output.
     *
     * @return false when a file could not be written (each failure already reported on {@code err})
     */
    static boolean write(Map<String, String> outputs, PrintStream out, PrintStream err) {
        boolean ok = true;
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            String target = output.getKey();
            String content = output.getValue();
            switch (target) {
                case "stdout" -> {
                    out.print(content);
                    out.flush();
                }
                case "stderr" -> {
                    err.print(content);
                    err.flush();
                }
                default -> {
                    try {
                        Path file = Path.of(target);
                        if (file.getParent() != null) {
                            Files.createDirectories(file.getParent());
                        }
                        Files.writeString(file, content);
                    } catch (IOException | RuntimeException e) {
                        err.println("fusillade: handleSummary: cannot write '" + target + "': " + e.getMessage());
                        ok = false;
                    }
                }
            }
        }
        return ok;
    }
}
