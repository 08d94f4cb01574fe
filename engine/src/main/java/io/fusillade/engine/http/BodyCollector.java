package io.fusillade.engine.http;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Gathers a response body's pieces into one array. With a Content-Length the array is made
 * at its final size up front; without one the pieces go into a scratch array kept between
 * responses, and only the exact-size copy handed out is new.
 */
final class BodyCollector {
    /** Larger declared lengths grow as bytes arrive, so a lying header cannot exhaust the heap at once. */
    private static final int MAX_PREALLOCATED = 8 * 1024 * 1024;
    /** Larger scratch arrays are dropped after use rather than held by an idle virtual user. */
    private static final int MAX_KEPT_SCRATCH = 64 * 1024;
    private static final int MAX_BODY = Integer.MAX_VALUE - 16;
    private static final byte[] EMPTY = new byte[0];

    private byte[] scratch = new byte[8 * 1024];
    private byte[] target = EMPTY;
    private int length;

    /** Starts a body of {@code declaredLength} bytes, or of unknown length when negative. */
    void start(long declaredLength) {
        length = 0;
        if (declaredLength == 0) {
            target = EMPTY;
        } else if (declaredLength > 0 && declaredLength <= MAX_PREALLOCATED) {
            target = new byte[(int) declaredLength];
        } else {
            target = scratch;
        }
    }

    /** Appends a piece; false when the body would exceed what one array can hold. */
    boolean append(ByteBuf piece) {
        int n = piece.readableBytes();
        if (n > MAX_BODY - length) {
            return false;
        }
        if (length + n > target.length) {
            target = Arrays.copyOf(target, (int) Math.min(MAX_BODY, Math.max(length + n, 2L * target.length)));
        }
        piece.getBytes(piece.readerIndex(), target, length, n);
        length += n;
        return true;
    }

    /** The body gathered, as an array of exactly its length. */
    byte[] finish() {
        byte[] gathered = target;
        target = EMPTY;
        if (gathered == scratch || gathered.length != length) {
            if (gathered.length <= MAX_KEPT_SCRATCH && gathered.length > scratch.length) {
                scratch = gathered;
            }
            return length == 0 ? EMPTY : Arrays.copyOf(gathered, length);
        }
        return gathered;
    }

    /** Forgets a body that will not be finished. */
    void abandon() {
        target = EMPTY;
        length = 0;
    }
}
