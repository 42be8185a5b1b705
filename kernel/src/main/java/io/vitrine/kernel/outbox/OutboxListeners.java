package io.vitrine.kernel.outbox;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's outbox listeners, by name and by event type. Looked up lazily, so a listener
 * may itself inject {@link Outbox} to publish follow-up events.
 */
@Singleton
public class OutboxListeners {

    private final BeanProvider<OutboxListener> listeners;
    private volatile Map<String, OutboxListener> byName;

    public OutboxListeners(BeanProvider<OutboxListener> listeners) {
        this.listeners = listeners;
    }

    public Optional<OutboxListener> named(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    /**
     * Whether deliveries to the named listener are retried until delivered (never DEAD). An unknown name
     * (a listener this instance does not have) is retried within the limit.
     */
    public boolean retriesUntilDelivered(String name) {
        return named(name).map(listener -> listener.retries() == OutboxRetries.UNTIL_DELIVERED).orElse(false);
    }

    /** Names of the listeners subscribed to an event type, sorted for a stable insert order. */
    public List<String> subscribedTo(String eventType) {
        return byName().values().stream()
                .filter(listener -> listener.eventTypes().contains(eventType))
                .map(OutboxListener::name)
                .sorted()
                .toList();
    }

    private Map<String, OutboxListener> byName() {
        Map<String, OutboxListener> known = byName;
        if (known == null) {
            Map<String, OutboxListener> found = new HashMap<>();
            for (OutboxListener listener : listeners) {
                String name = listener.name();
                if (name == null || name.isBlank() || name.length() > 100) {
                    throw new IllegalStateException(listener.getClass().getName() + " needs a name of 1-100 characters");
                }
                OutboxListener twin = found.put(name, listener);
                if (twin != null) {
                    throw new IllegalStateException("two outbox listeners are named " + name + ": "
                            + twin.getClass().getName() + " and " + listener.getClass().getName());
                }
            }
            known = Map.copyOf(found);
            byName = known;
        }
        return known;
    }
}
