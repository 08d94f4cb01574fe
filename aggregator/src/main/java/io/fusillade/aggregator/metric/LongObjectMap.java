package io.fusillade.aggregator.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Objects by a long key (an endpoint's method and name ids packed together) in open-addressed
 * arrays: looking up an existing key allocates nothing. Remembers insertion order.
 * Single-writer. Keys must not be {@link Long#MIN_VALUE}.
 */
final class LongObjectMap<V> {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private Object[] values;
    private final List<V> inOrder = new ArrayList<>();

    LongObjectMap() {
        keys = new long[64];
        values = new Object[64];
        Arrays.fill(keys, EMPTY);
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int slot = slotOf(keys, key);
        return keys[slot] == EMPTY ? null : (V) values[slot];
    }

    void put(long key, V value) {
        int slot = slotOf(keys, key);
        if (keys[slot] == EMPTY) {
            if ((inOrder.size() + 1) * 2 > keys.length) {
                grow();
                slot = slotOf(keys, key);
            }
            keys[slot] = key;
            inOrder.add(value);
        } else {
            inOrder.set(inOrder.indexOf(values[slot]), value);
        }
        values[slot] = value;
    }

    /** The values in the order their keys were first put. */
    List<V> values() {
        return Collections.unmodifiableList(inOrder);
    }

    private static int slotOf(long[] keys, long key) {
        int mask = keys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
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
