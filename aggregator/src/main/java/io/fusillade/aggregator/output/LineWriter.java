package io.fusillade.aggregator.output;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes lines built in a {@link StringBuilder} without turning each into a String first
 * ({@link Writer#append(CharSequence)} does), through one reused char buffer: a stream output
 * writes tens of thousands of lines a second.
 */
final class LineWriter {
    private final Writer writer;
    private char[] chars = new char[512];

    LineWriter(Writer writer) {
        this.writer = writer;
    }

    void write(StringBuilder line) throws IOException {
        int length = line.length();
        if (length > chars.length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        line.getChars(0, length, chars, 0);
        writer.write(chars, 0, length);
    }

    void flush() throws IOException {
        writer.flush();
    }

    void close() throws IOException {
        writer.close();
    }
}
