package io.fusillade.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.Arrays;

/**
 * Gathers a response body's pieces into one array. With a Content-Length the array is made
 * at its final size up front and filled in place. Without one (chunked, or read until close)
 * the pieces go into a pooled buffer borrowed for the response, so an idle virtual user holds
 * no body memory and only the exact-size array handed out is new.
 */
final class BodyCollector {
    /** Larger declared lengths are gathered like unknown ones, so a lying header cannot exhaust the heap at once. */
    private static final int MAX_PREALLOCATED = 8 * 1024 * 1024;
    private static final int MAX_BODY = Integer.MAX_VALUE - 16;
    private static final byte[] EMPTY = new byte[0];

    private byte[] exact = EMPTY;
    private int filled;
    private ByteBuf pooled;

    /** Starts a body of {@code declaredLength} bytes, or of unknown length when negative. */
    void start(long declaredLength, ByteBufAllocator alloc) {
        abandon();
        if (declaredLength == 0) {
            exact = EMPTY;
        } else if (declaredLength > 0 && declaredLength <= MAX_PREALLOCATED) {
            exact = new byte[(int) declaredLength];
        } else {
            pooled = alloc.heapBuffer(8 * 1024, MAX_BODY);
        }
    }

    /** Appends a piece; false when the body would exceed what one array can hold. */
    boolean append(ByteBuf piece) {
        int n = piece.readableBytes();
        if (pooled != null) {
            if (n > MAX_BODY - pooled.readableBytes()) {
                return false;
            }
            pooled.writeBytes(piece, piece.readerIndex(), n);
            return true;
        }
        if (n > exact.length - filled) {
            return false;
        }
        piece.getBytes(piece.readerIndex(), exact, filled, n);
        filled += n;
        return true;
    }

    /** The body gathered, as an array of exactly its length. */
    byte[] finish() {
        byte[] body;
        if (pooled != null) {
            body = new byte[pooled.readableBytes()];
            pooled.readBytes(body);
        } else if (filled == exact.length) {
            body = exact;
        } else {
            body = Arrays.copyOf(exact, filled);
        }
        abandon();
        return body;
    }

    /** Forgets a body that will not be finished, returning any borrowed buffer. */
    void abandon() {
        if (pooled != null) {
            pooled.release();
            pooled = null;
        }
        exact = EMPTY;
        filled = 0;
    }
}
