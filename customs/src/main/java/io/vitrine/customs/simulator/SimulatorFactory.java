package io.vitrine.customs.simulator;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vitrine.customs.exchange.ExchangeChannel;
import io.vitrine.customs.exchange.ReceiptInbox;
import io.vitrine.customs.exchange.infra.DirectoryExchange;
import io.vitrine.customs.exchange.infra.DirectoryLayout;
import io.vitrine.customs.messages.MessageRules;
import io.vitrine.customs.signing.SignatureVerifier;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The in-process simulator and the exchange it serves: with {@code vitrine.customs.exchange.channel: simulator} (the
 * default) and {@code vitrine.customs.simulator.enabled}, messages go to a directory exchange under the simulator's
 * data folder, and the simulator answers into its receive folder.
 */
@Factory
@Requires(property = SimulatorFactory.ENABLED, value = "true")
@Requires(property = "vitrine.customs.exchange.channel", value = "simulator", defaultValue = "simulator")
class SimulatorFactory {

    static final String ENABLED = "vitrine.customs.simulator.enabled";

    @Singleton
    @Named("simulator")
    DirectoryLayout simulatorExchangeLayout(SimulatorConfiguration config,
                                            @Value("${vitrine.data-dir:./data}") Path applicationDataDir) {
        return DirectoryLayout.under(dataDir(config, applicationDataDir).resolve("exchange"));
    }

    @Singleton
    @Bean(typed = {ExchangeChannel.class, ReceiptInbox.class, DirectoryExchange.class})
    DirectoryExchange simulatorExchange(@Named("simulator") DirectoryLayout layout, SimulatorConfiguration config,
                                        @Value("${vitrine.customs.exchange.directory.claim-timeout:10m}")
                                        Duration claimTimeout, Clock clock) {
        // the documented claim timeout holds here too: a receipt claimed by an instance that died comes back after it
        return new DirectoryExchange(layout, claimTimeout, config.maxMessageSize(), clock);
    }

    @Singleton
    @Bean(preDestroy = "close")
    SingleWindowSimulator singleWindowSimulator(@Named("simulator") DirectoryLayout layout, SimulatorConfiguration config,
                                                @Value("${vitrine.data-dir:./data}") Path applicationDataDir,
                                                SignatureVerifier verifier, MessageRules rules, Clock clock) {
        SimulatorSettings settings = config.settings();
        return new SingleWindowSimulator(layout.send(), layout.receive(), dataDir(config, applicationDataDir),
                new Examination(verifier, rules, settings, clock), settings, clock);
    }

    private static Path dataDir(SimulatorConfiguration config, Path applicationDataDir) {
        // (a nested placeholder as the default of @Value is not resolved as one: hence two properties)
        return config.dataDir() != null ? Path.of(config.dataDir()) : applicationDataDir.resolve("customs-simulator");
    }
}
