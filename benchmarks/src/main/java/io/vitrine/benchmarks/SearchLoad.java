package io.vitrine.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code clients} threads each send one request, wait for its answer, send the next, going
 * round a list of requests from their own starting point; a warm-up period, then a measured one. Every
 * answer is checked by the sender; a failed one is counted, not timed.
 */
final class SearchLoad {

    /** Sends request {@code index} and waits for the answer: whether it was a good one. */
    @FunctionalInterface
    interface Sender {
        boolean send(int index) throws Exception;
    }

    /** Latencies in nanoseconds of the measured requests, sorted; failures; the measured period. */
    record Result(long[] sortedNanos, long failures, Duration measured, String firstFailure) {

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * sortedNanos.length);
            return sortedNanos[Math.max(0, rank - 1)] / 1e6;
        }

        double perSecond() {
            return sortedNanos.length / (measured.toNanos() / 1e9);
        }

        int requests() {
            return sortedNanos.length;
        }
    }

    private SearchLoad() {
    }

    static Result run(int requests, int clients, Duration warmup, Duration measure, Sender sender) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[][] own = {new long[4096]};
            Thread thread = new Thread(() -> {
                int index = (int) ((long) client * requests / clients);
                int n = 0;
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                        break;
                    }
                    boolean ok;
                    try {
                        ok = sender.send(index);
                        if (!ok) {
                            firstFailure.compareAndSet(null, "request " + index + " was answered badly");
                        }
                    } catch (Exception e) {
                        ok = false;
                        firstFailure.compareAndSet(null, "request " + index + ": " + e);
                    }
                    long answered = System.nanoTime();
                    if (sent >= measureFrom && answered <= end) {
                        if (!ok) {
                            failures.incrementAndGet();
                        } else {
                            if (n == own[0].length) {
                                own[0] = Arrays.copyOf(own[0], n * 2);
                            }
                            own[0][n++] = answered - sent;
                        }
                    }
                    index = (index + 1) % requests;
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(own[0], n));
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return new Result(all, failures.get(), measure, firstFailure.get());
    }
}
