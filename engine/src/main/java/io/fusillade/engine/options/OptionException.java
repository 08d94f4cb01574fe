package io.fusillade.engine.options;

/** A user's option value that cannot be used; the message names the option and the value. */
public final class OptionException extends RuntimeException {
    private final String option;

    public OptionException(String option, String message) {
        super("invalid option '" + option + "': " + message);
        this.option = option;
    }

    /** The option's name as the user wrote it. */
    public String option() {
        return option;
    }
}
