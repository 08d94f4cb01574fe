package io.fusillade.engine.js;

/**
 * A script that cannot run: it does not exist, does not parse, or throws while initialising.
 * The message is ready to print: it names the file and, when known, {@code line:column}.
 */
public final class ScriptException extends RuntimeException {
    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
