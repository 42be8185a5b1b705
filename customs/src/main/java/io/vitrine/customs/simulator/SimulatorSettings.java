package io.vitrine.customs.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * @param firstAnswerDelay after receiving a message, the first receipt waits this long
 * @param answerInterval   each further receipt of the same message this much more
 * @param defaultScenario  for messages without a marker
 * @param maxMessageBytes  larger files are refused unread
 */
public record SimulatorSettings(Duration firstAnswerDelay, Duration answerInterval, Scenario defaultScenario,
                                int maxMessageBytes) {

    public SimulatorSettings {
        Objects.requireNonNull(firstAnswerDelay, "firstAnswerDelay");
        Objects.requireNonNull(answerInterval, "answerInterval");
        Objects.requireNonNull(defaultScenario, "defaultScenario");
        if (firstAnswerDelay.isNegative() || answerInterval.isNegative()) {
            throw new IllegalArgumentException("simulator delays cannot be negative");
        }
    }

    /** The embedded defaults: a valid order is released about three seconds after it was sent. */
    public static SimulatorSettings embedded() {
        return new SimulatorSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Scenario.RELEASE, 12 * 1024 * 1024);
    }

    public Duration delayOf(int step) {
        return firstAnswerDelay.plus(answerInterval.multipliedBy(step));
    }
}
