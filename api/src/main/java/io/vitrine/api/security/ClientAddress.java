package io.vitrine.api.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * The client's address for per-address limits. Micronaut's resolver believes any
 * {@code Forwarded}/{@code X-Forwarded-For} header, which a client can forge to dodge a limit, so it
 * is used only when the operator names the header their load balancer sets
 * ({@code micronaut.server.client-address-header}); otherwise the TCP peer counts.
 */
@Singleton
public class ClientAddress {

    private final HttpClientAddressResolver resolver;
    private final boolean behindTrustedProxy;

    ClientAddress(HttpClientAddressResolver resolver, HttpServerConfiguration server) {
        this.resolver = resolver;
        this.behindTrustedProxy = server.getClientAddressHeader() != null;
    }

    public String of(HttpRequest<?> request) {
        String address = behindTrustedProxy ? resolver.resolve(request) : request.getRemoteAddress().getHostString();
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
