package io.fusillade.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .env} files for {@code __ENV}: the one next to the script, then the one in the
 * current directory (the script's wins where both set a name), and the shell's environment
 * over both. Lines are {@code NAME=value}, optionally after {@code export}; {@code #} starts a
 * comment; values may be single-quoted (taken as they are) or double-quoted ({@code \n},
 * {@code \t}, {@code \"} and {@code \\} understood).
 */
final class DotEnv {
    static final String FILE_NAME = ".env";

    private DotEnv() {
    }

    /**
     * The variables scripts see: the {@code .env} files' under {@code shell}'s.
     *
     * @throws IllegalArgumentException naming the file and line of a line that is not {@code NAME=value}
     */
    static Map<String, String> environment(Path script, Map<String, String> shell) {
        Map<String, String> env = new LinkedHashMap<>();
        Path scriptDir = script.toAbsolutePath().normalize().getParent();
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir : scriptDir == null || scriptDir.equals(cwd) ? List.of(cwd) : List.of(cwd, scriptDir)) {
            Path file = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                env.putAll(parse(file));
            }
        }
        env.putAll(shell);
        return env;
    }

    /** The variables one file sets. */
    static Map<String, String> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected NAME=value, got '" + lines.get(i).strip() + "'");
            }
            vars.put(name, value(line.substring(eq + 1).strip(), file, i + 1));
        }
        return vars;
    }

    private static String value(String raw, Path file, int line) {
        if (raw.startsWith("'") || raw.startsWith("\"")) {
            char quote = raw.charAt(0);
            int end = raw.lastIndexOf(quote);
            if (end == 0) {
                throw new IllegalArgumentException(file + ":" + line + ": unclosed " + quote + " quote");
            }
            String inner = raw.substring(1, end);
            return quote == '"' ? unescape(inner) : inner;
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    private static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                sb.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
