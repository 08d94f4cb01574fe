package io.fusillade.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first document of every journal: the ASCII magic {@code FUSILLADE-JOURNAL}, then the
 * record format version as a 4-byte big-endian integer. Later versions may append fields;
 * a reader ignores bytes it does not know.
 */
record JournalHeader(int formatVersion) {
    static final byte[] MAGIC = "FUSILLADE-JOURNAL".getBytes(StandardCharsets.US_ASCII);
    static final int LENGTH = MAGIC.length + Integer.BYTES;

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put(MAGIC).putInt(formatVersion).array();
    }

    /** The header in {@code document}, or null when the document is not a Fusillade header. */
    static JournalHeader decode(byte[] document, int length) {
        if (length < LENGTH || !Arrays.equals(document, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        return new JournalHeader(ByteBuffer.wrap(document, MAGIC.length, Integer.BYTES).getInt());
    }
}
