package io.fusillade.aggregator.history;

/** The run history database could not be opened, read or written; the message names the file. */
public final class HistoryException extends RuntimeException {
    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
