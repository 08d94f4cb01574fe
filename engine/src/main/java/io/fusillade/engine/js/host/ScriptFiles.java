package io.fusillade.engine.js.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files a script reads in its init code ({@code open()}, {@code SharedCSV}), relative to the script. */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /** Where {@code path} (relative to the script, or a {@code file://} URL) is. */
    public static Path resolve(VuContext vu, String path) {
        String plain = path.startsWith("file://") ? path.substring("file://".length()) : path;
        return vu.scriptDir().resolve(plain).toAbsolutePath().normalize();
    }

    /**
     * The bytes of file {@code path}, read for {@code what} ({@code open}, {@code SharedCSV}).
     *
     * @throws IllegalStateException    outside the init code
     * @throws IllegalArgumentException when the file is missing or unreadable, naming it
     */
    public static byte[] read(VuContext vu, String path, String what) {
        if (!vu.inInit()) {
            throw new IllegalStateException(what + "('" + path + "') is only available in the init context (top-level code):"
                    + " read files there and keep the result in a variable");
        }
        Path file = resolve(vu, path);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + ": file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
