package io.vitrine.kernel.jobs;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.testing.KernelContexts;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test handlers did, in memory (every run counts, also those that failed), and the gates
 * where a paused handler waits for the test.
 */
@Singleton
@Requires(property = KernelContexts.FIXTURES, value = "true")
public class JobLog {

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    private record Gate(CountDownLatch arrived, CountDownLatch released) {
    }

    void enter(String jobId) {
        runs.computeIfAbsent(jobId, k -> new AtomicInteger()).incrementAndGet();
        if (!inFlight.add(jobId)) {
            overlaps.incrementAndGet(); // the same job running twice at once
        }
    }

    void exit(String jobId) {
        inFlight.remove(jobId);
    }

    public int runs(String jobId) {
        AtomicInteger count = runs.get(jobId);
        return count == null ? 0 : count.get();
    }

    public int overlaps() {
        return overlaps.get();
    }

    /** Called by a handler: tells the test it got here and waits until the test releases it. */
    void pause(String jobId) throws InterruptedException {
        Gate gate = gate(jobId);
        gate.arrived().countDown();
        if (!gate.released().await(2, TimeUnit.MINUTES)) { // a hang guard, not a timing assertion
            throw new IllegalStateException("the test never released job " + jobId);
        }
    }

    public void awaitPause(String jobId) throws InterruptedException {
        if (!gate(jobId).arrived().await(2, TimeUnit.MINUTES)) {
            throw new AssertionError("job " + jobId + " never reached its pause");
        }
    }

    public void release(String jobId) {
        gate(jobId).released().countDown();
    }

    private Gate gate(String jobId) {
        return gates.computeIfAbsent(jobId, id -> new Gate(new CountDownLatch(1), new CountDownLatch(1)));
    }
}
