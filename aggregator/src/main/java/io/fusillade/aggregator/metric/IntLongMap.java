package io.fusillade.aggregator.metric;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per int key (status codes) in open-addressed primitive arrays: incrementing an
 * existing key allocates nothing. Single-writer.
 */
final class IntLongMap {
    private static final int EMPTY = Integer.MIN_VALUE;

    private int[] keys;
    private long[] values;
    private int size;

    IntLongMap() {
        keys = new int[16];
        values = new long[16];
        Arrays.fill(keys, EMPTY);
    }

    void increment(int key) {
        int slot = slotOf(keys, key);
        if (keys[slot] == EMPTY) {
            if ((size + 1) * 2 > keys.length) {
                grow();
                slot = slotOf(keys, key);
            }
            keys[slot] = key;
            size++;
        }
        values[slot]++;
    }

    long get(int key) {
        int slot = slotOf(keys, key);
        return keys[slot] == EMPTY ? 0 : values[slot];
    }

    /** A sorted copy. */
    Map<Integer, Long> toMap() {
        Map<Integer, Long> map = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                map.put(keys[i], values[i]);
            }
        }
        return map;
    }

    private static int slotOf(int[] keys, int key) {
        int mask = keys.length - 1;
        int slot = (key * 0x9E3779B9) >>> 16 & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
