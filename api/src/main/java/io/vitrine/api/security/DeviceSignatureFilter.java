package io.vitrine.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.vitrine.api.problem.Problem;
import io.vitrine.tenants.devices.DeviceSightings;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.devices.signing.ReplayProtection;
import io.vitrine.tenants.devices.signing.RequestSignatureVerifier;
import io.vitrine.tenants.devices.signing.SignedRequest;
import io.vitrine.tenants.devices.signing.VerificationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Device-signed endpoints (api.md "Conventions"): {@code /pos/**} and the partners' logistics
 * callbacks. The signed target is the path and query exactly as sent (the raw, still percent-encoded
 * forms of the request URI), the body the bytes as received: the filter reads a split copy of the
 * body, so the controller still binds the original. A rejection answers 401 with
 * {@code X-Server-Time}; a STRICT request while the shared nonce store is down, 503. A verified
 * device becomes the request's tenant ({@link RequestTenant}).
 *
 * <p>What a request may do while the shared nonce store is down is its route's {@link ReplayPolicy}
 * (Micronaut has matched the route before server filters run). Without one, GET and HEAD are read-only
 * feeds and may fall back to this instance's nonces; every other method may create orders or move money
 * and is STRICT.
 */
@ServerFilter(patterns = {"/pos/**", "/api/v1/logistics/**"})
class DeviceSignatureFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSignatureFilter.class);

    private final RequestSignatureVerifier verifier;
    private final DeviceSightings sightings;
    private final TenantDirectory tenants;
    private final Clock clock;

    DeviceSignatureFilter(RequestSignatureVerifier verifier, DeviceSightings sightings, TenantDirectory tenants,
                          Clock clock) {
        this.verifier = verifier;
        this.sightings = sightings;
        this.tenants = tenants;
        this.clock = clock;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> verify(HttpRequest<?> request) {
        byte[] body = bodyOf(request);
        SignedRequest signed = new SignedRequest(request.getMethodName(),
                SignedRequest.target(request.getUri().getRawPath(), request.getUri().getRawQuery()),
                request.getHeaders().get(SignedRequest.DEVICE_KEY), request.getHeaders().get(SignedRequest.TIMESTAMP),
                request.getHeaders().get(SignedRequest.NONCE), request.getHeaders().get(SignedRequest.SIGNATURE), body);
        VerificationResult result = verifier.verify(signed, protectionOf(request));
        if (result instanceof VerificationResult.Verified verified) {
            if (tenants.isSuspended(verified.credential().tenant())) {
                // a park suspended the device's tenant: its devices stop with its storefront and staff
                LOG.info("device request refused: tenant suspended {}", signed);
                return rejection(clock.instant());
            }
            request.setAttribute(SignedDevice.ATTRIBUTE, verified.credential());
            sightings.seen(verified.credential().deviceKey(), clock.instant());
            return null;
        }
        if (result instanceof VerificationResult.Rejected rejected) {
            LOG.info("device request refused: {} {}", rejected.reason(), signed);
            return rejection(rejected.serverTime());
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(new Problem("about:blank", "Service Unavailable", 503,
                        "The request cannot be checked for replay right now; send it again shortly.", null, null));
    }

    /** The matched route's {@link ReplayPolicy} (method, else controller), else the default by HTTP method. */
    static ReplayProtection protectionOf(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().enumValue(ReplayPolicy.class, ReplayProtection.class))
                .orElse(request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                        ? ReplayProtection.FALLBACK_ALLOWED : ReplayProtection.STRICT);
    }

    private static HttpResponse<?> rejection(Instant serverTime) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(SignedRequest.SERVER_TIME, Long.toString(serverTime.getEpochSecond()))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(new Problem("about:blank", "Unauthorized", 401,
                        "The request signature was not accepted.", null, null));
    }

    /** A buffered copy of the body: the original stays for the controller's {@code @Body}. */
    private static byte[] bodyOf(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return new byte[0];
        }
        try (CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
             CloseableAvailableByteBody buffered = copy.buffer().join()) {
            return buffered.toByteArray();
        }
    }
}
