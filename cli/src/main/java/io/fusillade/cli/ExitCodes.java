package io.fusillade.cli;

/** Process exit codes, k6's where k6 has one, so CI scripts written for k6 keep working. */
public final class ExitCodes {
    /** The run completed and every threshold passed. */
    public static final int OK = 0;
    /** A general failure that is not the user's input (an I/O error writing the journal, say). */
    public static final int FAILURE = 1;
    /** The command line could not be understood. */
    public static final int USAGE = 2;
    /** At least one threshold failed. */
    public static final int THRESHOLDS_FAILED = 99;
    /** An option's value is invalid (bad duration, wrong type). */
    public static final int INVALID_CONFIG = 104;
    /** The script could not be loaded or threw in its init code (syntax error, missing file). */
    public static final int SCRIPT_ERROR = 107;
    /** The script aborted the run ({@code exec.test.abort()}). */
    public static final int SCRIPT_ABORTED = 108;
    /** {@code fusillade test}: at least one unit test failed, or none ran. */
    public static final int TESTS_FAILED = 1;
    /** A run directory or journal could not be read. */
    public static final int BAD_JOURNAL = 110;

    private ExitCodes() {
    }
}
