package io.vitrine.customs.exchange.infra;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vitrine.customs.exchange.ExchangeChannel;
import io.vitrine.customs.exchange.ReceiptInbox;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** The adapter chosen by {@code vitrine.customs.exchange.channel}. */
@Factory
class ExchangeFactory {

    @Singleton
    @Bean(typed = {ExchangeChannel.class, ReceiptInbox.class, DirectoryExchange.class})
    @Requires(property = "vitrine.customs.exchange.channel", value = "directory")
    DirectoryExchange directoryExchange(ExchangeConfiguration config, Clock clock) {
        ExchangeConfiguration.Directory dir = config.directory();
        boolean complete = dir != null && dir.sendDir() != null && dir.receiveDir() != null && dir.archiveDir() != null && dir.workDir() != null;
        if (dir == null || dir.root() == null && !complete) {
            throw new ConfigurationException("vitrine.customs.exchange.channel is directory: set vitrine.customs.exchange.directory.root "
                    + "(or send-dir, receive-dir, archive-dir and work-dir)");
        }
        DirectoryLayout defaults = dir.root() != null ? DirectoryLayout.under(Path.of(dir.root())) : null;
        DirectoryLayout layout = new DirectoryLayout(
                pick(dir.sendDir(), defaults == null ? null : defaults.send()),
                pick(dir.receiveDir(), defaults == null ? null : defaults.receive()),
                pick(dir.archiveDir(), defaults == null ? null : defaults.archive()),
                pick(dir.workDir(), defaults == null ? null : defaults.work()));
        return new DirectoryExchange(layout, dir.claimTimeout(), config.maxMessageSize(), clock);
    }

    @Singleton
    @Requires(property = "vitrine.customs.exchange.channel", value = "http")
    ExchangeChannel httpExchange(ExchangeConfiguration config) {
        ExchangeConfiguration.Http http = config.http();
        if (http == null || http.url() == null || http.url().isBlank()) {
            throw new ConfigurationException("vitrine.customs.exchange.channel is http: set vitrine.customs.exchange.http.url");
        }
        return new HttpExchange(new HttpExchange.HttpExchangeSettings(URI.create(http.url()), http.connectTimeout(),
                http.requestTimeout(), http.attempts(), http.backoff(), http.authorization()));
    }

    private static Path pick(String configured, Path fallback) {
        return configured != null ? Path.of(configured) : fallback;
    }
}
