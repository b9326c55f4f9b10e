package dev.custos.api.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A least-recently-used map with a hard size, for state kept per address or per token in memory: a flood of new
 * keys evicts the oldest instead of growing without end.
 */
final class BoundedMap<K, V> {

    private final Map<K, V> entries;

    BoundedMap(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized V computeIfAbsent(K key, Function<K, V> create) {
        return entries.computeIfAbsent(key, create);
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
