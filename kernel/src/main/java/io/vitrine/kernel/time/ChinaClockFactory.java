package io.vitrine.kernel.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one {@link Clock} bean, in China time whatever the JVM's default zone. Inject it instead of
 * calling {@code Instant.now()}; tests replace it (e.g. with {@code @Replaces} or a fixed clock).
 */
@Factory
public class ChinaClockFactory {

    @Singleton
    Clock chinaClock() {
        return ChinaTime.systemClock();
    }
}
