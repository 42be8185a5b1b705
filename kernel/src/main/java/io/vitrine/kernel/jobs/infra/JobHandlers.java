package io.vitrine.kernel.jobs.infra;

import io.micronaut.context.BeanProvider;
import io.vitrine.kernel.jobs.JobHandler;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The application's job handlers by kind. Looked up lazily, so a handler may itself inject the
 * {@code Jobs} port to queue follow-up jobs.
 */
@Singleton
class JobHandlers {

    private final BeanProvider<JobHandler> handlers;
    private volatile Map<String, JobHandler> byKind;

    JobHandlers(BeanProvider<JobHandler> handlers) {
        this.handlers = handlers;
    }

    Optional<JobHandler> forKind(String kind) {
        return Optional.ofNullable(byKind().get(kind));
    }

    /** The kinds this instance can run: a runner claims only those (others wait for an instance that can). */
    Set<String> kinds() {
        return byKind().keySet();
    }

    private Map<String, JobHandler> byKind() {
        Map<String, JobHandler> known = byKind;
        if (known == null) {
            Map<String, JobHandler> found = new HashMap<>();
            for (JobHandler handler : handlers) {
                String kind = handler.kind();
                if (kind == null || kind.isBlank() || kind.length() > 64) {
                    throw new IllegalStateException(handler.getClass().getName() + " needs a kind of 1-64 characters");
                }
                JobHandler twin = found.put(kind, handler);
                if (twin != null) {
                    throw new IllegalStateException("two job handlers have kind " + kind + ": "
                            + twin.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
            known = Map.copyOf(found);
            byKind = known;
        }
        return known;
    }
}
