package io.fusillade.journal;

/**
 * A journal, run directory or metadata file that cannot be used. The message names the path
 * and says what is wrong, so a command can print it as it is.
 */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
