package io.vitrine.api.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vitrine.api.problem.Problem;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.idempotency.Claim;
import io.vitrine.kernel.idempotency.IdempotencyKey;
import io.vitrine.kernel.idempotency.IdempotencyKeys;
import io.vitrine.kernel.idempotency.RecordedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * {@code Idempotency-Key} on the routes marked {@link Idempotent} (api.md "Conventions"). Without the
 * header a request runs as always. With it, the key is claimed in the shared store before the route
 * runs ({@link IdempotencyKeys}), scoped by tenant and principal ({@link IdempotentRequests}):
 * <ul>
 * <li>first time: the route runs; its answer is recorded (status, content type, body) and sent;</li>
 * <li>the same key and request (method, target, body) again: the recorded answer, with
 *     {@code Idempotent-Replayed: true}, and nothing runs;</li>
 * <li>the same key with another request: 422 {@code IDEMPOTENCY_KEY_REUSED};</li>
 * <li>the same key while the first still runs: 409 {@code IDEMPOTENCY_KEY_IN_FLIGHT} with Retry-After;</li>
 * <li>a malformed key: 400 naming the header.</li>
 * </ul>
 * A 2xx, 3xx or 4xx answer is the result and is recorded (a 400 stays a 400). A 5xx or a 429 may go away
 * on a retry, so it releases the key instead.
 *
 * <p>Ordered after the security filter: the principal is known, and a request refused there (401/403)
 * never claims a key. Both steps run on the blocking executor (database work).
 */
@Idempotent
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class IdempotencyFilter implements Ordered {

    static final String IN_FLIGHT = "IDEMPOTENCY_KEY_IN_FLIGHT";
    static final String REUSED = "IDEMPOTENCY_KEY_REUSED";
    private static final String CLAIM = "vitrine.idempotency-claim";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final IdempotentRequests requests;
    private final RecordedResponses responses;

    IdempotencyFilter(IdempotencyKeys keys, IdempotentRequests requests, RecordedResponses responses) {
        this.keys = keys;
        this.requests = requests;
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> claim(HttpRequest<?> request) {
        String header = request.getHeaders().get(IdempotencyKey.HEADER);
        if (header == null) {
            return null;
        }
        IdempotencyKey key = IdempotencyKey.parse(header);
        Claim claim = keys.claim(requests.scopeOf(request), key, requests.fingerprint(request));
        if (claim instanceof Claim.Granted granted) {
            request.setAttribute(CLAIM, granted);
            return null;
        }
        if (claim instanceof Claim.Replay replay) {
            return responses.replay(replay.response());
        }
        if (claim instanceof Claim.InFlight inFlight) {
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, inFlight.retryAfter().toSeconds())))
                    .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                    .body(new Problem("about:blank", HttpStatus.CONFLICT.getReason(), 409,
                            "A request with this Idempotency-Key is still running: send it again shortly.", IN_FLIGHT, null));
        }
        throw new BusinessRuleException(REUSED,
                "This Idempotency-Key was used for a different request: use a new key for a new request.");
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Claim.Granted> claim = request.getAttribute(CLAIM, Claim.Granted.class);
        if (claim.isEmpty()) {
            return;
        }
        request.removeAttribute(CLAIM, Claim.Granted.class);
        try {
            Optional<RecordedResponse> result = isTheResult(response.code()) ? responses.record(response) : Optional.empty();
            if (result.isEmpty() || !keys.complete(claim.get(), result.get())) {
                keys.release(claim.get());
            }
        } catch (RuntimeException e) {
            // the route's work is done and its answer goes out; the key stays claimed until the in-flight
            // lease ends, after which a retry runs again
            LOG.error("idempotency key: answer not recorded for {} {}", request.getMethodName(), request.getPath(), e);
        }
    }

    /** A 5xx or a rate limit may go away on a retry: not the request's result. */
    private static boolean isTheResult(int status) {
        return status < 500 && status != HttpStatus.TOO_MANY_REQUESTS.getCode();
    }
}
