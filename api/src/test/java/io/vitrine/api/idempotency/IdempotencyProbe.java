package io.vitrine.api.idempotency;

import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test routes of {@link IdempotencyProbeController} do, per name: count their runs, hold a run
 * at a gate until the test opens it, or fail the next run with a 500.
 */
@Singleton
public class IdempotencyProbe {

    private final ConcurrentMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Gate> gates = new ConcurrentHashMap<>();
    private final Set<String> failNext = ConcurrentHashMap.newKeySet();

    int run(String name) throws InterruptedException {
        int run = runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        Gate gate = gates.get(name);
        if (gate != null) {
            gate.entered.countDown();
            if (!gate.open.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never opened the gate of " + name);
            }
        }
        if (failNext.remove(name)) {
            throw new IllegalStateException("probe " + name + " fails as asked");
        }
        return run;
    }

    public int runs(String name) {
        AtomicInteger count = runs.get(name);
        return count == null ? 0 : count.get();
    }

    /** The next run of this name waits at a gate. */
    public Gate gate(String name) {
        Gate gate = new Gate();
        gates.put(name, gate);
        return gate;
    }

    public void failNextRun(String name) {
        failNext.add(name);
    }

    public static final class Gate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);

        public void awaitEntered() throws InterruptedException {
            if (!entered.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the request never reached the gate");
            }
        }

        public void open() {
            open.countDown();
        }
    }
}
