package io.vitrine.api.storefront;

import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.JobRun;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A job attempt for calling a handler directly: keeps the progress in memory and runs {@code whenAllRead} once,
 * when the items done reach the announced total — after the handler has read every item, before it finishes.
 */
final class HookedJobRun implements JobRun {

    private final TenantId tenant;
    private final JobInput input;
    private final Runnable whenAllRead;
    private final AtomicBoolean hooked = new AtomicBoolean();
    private long total = -1;
    private long done;
    private String message;

    HookedJobRun(TenantId tenant, JobInput input, Runnable whenAllRead) {
        this.tenant = tenant;
        this.input = input;
        this.whenAllRead = whenAllRead;
    }

    long total() {
        return total;
    }

    long done() {
        return done;
    }

    boolean hooked() {
        return hooked.get();
    }

    String message() {
        return message;
    }

    @Override public String jobId() { return "test-job"; }
    @Override public TenantId tenant() { return tenant; }
    @Override public String kind() { return "test"; }
    @Override public JobInput input() { return input; }
    @Override public String createdBy() { return "test"; }
    @Override public int attempt() { return 1; }
    @Override public void total(long total) { this.total = total; }
    @Override public void recordError(Long row, String field, String message) { }
    @Override public void result(String fileId) { }
    @Override public void message(String message) { this.message = message; }
    @Override public void flush() { }

    @Override
    public void advance(long done, long failed) {
        this.done += done + failed;
        if (this.done >= total && hooked.compareAndSet(false, true)) {
            whenAllRead.run();
        }
    }
}
