package io.fusillade.engine.js.host;

/**
 * One unit test's outcome.
 *
 * @param name    the test's name, prefixed by its {@code describe} blocks
 * @param passed  true when it ran without a failed expectation or exception
 * @param message why it failed, or null
 * @param millis  how long it took
 */
public record TestResult(String name, boolean passed, String message, long millis) {
}
