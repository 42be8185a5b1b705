package io.vitrine.customs.exchange.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * {@code vitrine.customs.exchange.*}: which channel, and its settings. {@code channel} is
 * {@code directory} or {@code http}; anything else (the default, {@code simulator}) creates neither
 * adapter here.
 */
@ConfigurationProperties("vitrine.customs.exchange")
public record ExchangeConfiguration(
        @Bindable(defaultValue = "simulator") String channel,
        @ReadableBytes @Bindable(defaultValue = "12MB") int maxMessageSize,
        Directory directory,
        Http http) {

    /**
     * @param root         folder holding send/receive/archive/work unless each is set
     * @param claimTimeout a receipt claimed longer than this by an instance that died goes back
     */
    @ConfigurationProperties("directory")
    public record Directory(
            @Nullable String root,
            @Nullable String sendDir,
            @Nullable String receiveDir,
            @Nullable String archiveDir,
            @Nullable String workDir,
            @Bindable(defaultValue = "10m") Duration claimTimeout) {
    }

    /** @param authorization Authorization header value (secret: environment only) */
    @ConfigurationProperties("http")
    public record Http(
            @Nullable String url,
            @Bindable(defaultValue = "5s") Duration connectTimeout,
            @Bindable(defaultValue = "30s") Duration requestTimeout,
            @Bindable(defaultValue = "3") int attempts,
            @Bindable(defaultValue = "2s") Duration backoff,
            @Nullable String authorization) {

        @Override
        public String toString() {
            return "Http[" + url + "]"; // never the authorization
        }
    }
}
