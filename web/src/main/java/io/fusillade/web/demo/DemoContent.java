package io.fusillade.web.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The demo target's fixed payloads, encoded once into shared direct buffers. Each response
 * sends a slice of one, so serving them copies and allocates nothing but the slice.
 */
final class DemoContent {
    /** The largest body {@code /bytes/{n}} serves. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The largest slice of the pattern served at once; bodies up to this size are one slice. */
    static final int BLOCK_SIZE = 64 * 1024;
    /** Byte {@code i} of every generated body is {@code PATTERN.charAt(i % PATTERN.length())}. */
    static final String PATTERN = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String[][] ITEMS = {
            {"1", "Widget", "9.99"},
            {"2", "Gadget", "24.50"},
            {"3", "Doohickey", "4.25"},
    };

    private final ByteBuf index;
    private final ByteBuf items;
    private final ByteBuf[] item;
    private final ByteBuf health;
    private final ByteBuf block;

    DemoContent() {
        index = shared("""
                <!doctype html>
                <html><head><title>Fusillade demo target</title></head>
                <body><h1>Fusillade demo target</h1>
                <p>GET /api/items, GET /api/items/{id}, POST /api/items, POST /api/login, GET /slow?ms=N,
                GET /status/{code}, GET /bytes/{n}, GET /headers, GET /health</p>
                </body></html>
                """);
        StringBuilder list = new StringBuilder("[");
        item = new ByteBuf[ITEMS.length];
        for (int i = 0; i < ITEMS.length; i++) {
            String json = "{\"id\":" + ITEMS[i][0] + ",\"name\":\"" + ITEMS[i][1] + "\",\"price\":" + ITEMS[i][2] + "}";
            item[i] = shared(json);
            list.append(i == 0 ? "" : ",").append(json);
        }
        items = shared(list.append(']').toString());
        health = shared("{\"status\":\"ok\"}");
        // One pattern length longer than a slice, so a slice can start at any phase of the pattern.
        StringBuilder pattern = new StringBuilder(BLOCK_SIZE + PATTERN.length());
        while (pattern.length() < BLOCK_SIZE + PATTERN.length()) {
            pattern.append(PATTERN);
        }
        block = shared(pattern.substring(0, BLOCK_SIZE + PATTERN.length()));
    }

    ByteBuf index() {
        return index.duplicate();
    }

    ByteBuf items() {
        return items.duplicate();
    }

    /** The item with {@code id}, or null when there is none. */
    ByteBuf item(long id) {
        return id >= 1 && id <= item.length ? item[(int) id - 1].duplicate() : null;
    }

    ByteBuf health() {
        return health.duplicate();
    }

    /** Bytes {@code offset} to {@code offset + length} of a generated body; {@code length <= BLOCK_SIZE}. */
    ByteBuf pattern(long offset, int length) {
        return block.slice((int) (offset % PATTERN.length()), length);
    }

    private static ByteBuf shared(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        // Unreleasable: many responses send the same bytes; the encoder's release must not free them.
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
    }
}
