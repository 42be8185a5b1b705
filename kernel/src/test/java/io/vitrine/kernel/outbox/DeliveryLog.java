package io.vitrine.kernel.outbox;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.testing.KernelContexts;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test listeners were called with, in memory: every call counts, even rolled-back ones. */
@Singleton
@Requires(property = KernelContexts.FIXTURES, value = "true")
public class DeliveryLog {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger overlaps = new AtomicInteger();

    void enter(String listener, String eventId) {
        String key = listener + "/" + eventId;
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (!inFlight.add(key)) {
            overlaps.incrementAndGet(); // the same delivery running twice at once
        }
    }

    void exit(String listener, String eventId) {
        inFlight.remove(listener + "/" + eventId);
    }

    public int calls(String listener, String eventId) {
        AtomicInteger count = calls.get(listener + "/" + eventId);
        return count == null ? 0 : count.get();
    }

    public int overlaps() {
        return overlaps.get();
    }
}
