package io.vitrine.customs.simulator;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * {@code vitrine.customs.simulator.*} (docs/configuration.md). The simulator runs in process while {@code enabled}
 * (true in embedded mode) and {@code vitrine.customs.exchange.channel} is {@code simulator}: it then also provides
 * the module's exchange, a directory exchange under {@code <data-dir>/exchange}.
 *
 * @param dataDir the ledger, the exchange folders and copies of what it received; default
 *                {@code <vitrine.data-dir>/customs-simulator}
 */
@ConfigurationProperties("vitrine.customs.simulator")
public record SimulatorConfiguration(
        @Bindable(defaultValue = "false") boolean enabled,
        @Nullable String dataDir,
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "1s") Duration firstAnswerDelay,
        @Bindable(defaultValue = "1s") Duration answerInterval,
        @Bindable(defaultValue = "RELEASE") Scenario scenario,
        @ReadableBytes @Bindable(defaultValue = "12MB") int maxMessageSize) {

    public SimulatorSettings settings() {
        return new SimulatorSettings(firstAnswerDelay, answerInterval, scenario, maxMessageSize);
    }
}
