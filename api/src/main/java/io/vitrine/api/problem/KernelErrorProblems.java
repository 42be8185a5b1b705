package io.vitrine.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.kernel.files.FileRejectedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP status of each kernel exception the domain throws; the body is left to {@link ProblemResponses}:
 * invalid input 400 (with the fields), unknown or another tenant's 404, state conflict 409, business rule 422
 * (with its code), rate limited 429 (with Retry-After), a refused upload 413 or 400, the shared cache (Redis)
 * unreachable 503 (with Retry-After).
 */
final class KernelErrorProblems {

    private KernelErrorProblems() {
    }

    abstract static class ToStatus<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;
        private final HttpStatus status;

        ToStatus(ErrorResponseProcessor<?> problems, HttpStatus status) {
            this.problems = problems;
            this.status = status;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            return problems.processResponse(
                    ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                    HttpResponse.status(status));
        }
    }

    @Singleton
    static final class InvalidInput extends ToStatus<InvalidInputException> {
        InvalidInput(ErrorResponseProcessor<?> problems) {
            super(problems, HttpStatus.BAD_REQUEST);
        }
    }

    @Singleton
    static final class NotFound extends ToStatus<NotFoundException> {
        NotFound(ErrorResponseProcessor<?> problems) {
            super(problems, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    static final class Conflict extends ToStatus<ConflictException> {
        Conflict(ErrorResponseProcessor<?> problems) {
            super(problems, HttpStatus.CONFLICT);
        }
    }

    @Singleton
    static final class BusinessRule extends ToStatus<BusinessRuleException> {
        BusinessRule(ErrorResponseProcessor<?> problems) {
            super(problems, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    /** 429 with {@code Retry-After} in whole seconds (api.md "Conventions"). */
    @Singleton
    static final class RateLimited implements ExceptionHandler<RateLimitedException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        RateLimited(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, RateLimitedException exception) {
            return problems.processResponse(
                    ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                    HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                            .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds())));
        }
    }

    /** An upload the file-storage port refused: too large 413, anything else about the file 400. */
    @Singleton
    static final class FileRejected implements ExceptionHandler<FileRejectedException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        FileRejected(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, FileRejectedException exception) {
            HttpStatus status = switch (exception.reason()) {
                case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
                case UNKNOWN_CATEGORY -> HttpStatus.INTERNAL_SERVER_ERROR; // our configuration, not the client
                default -> HttpStatus.BAD_REQUEST;
            };
            return problems.processResponse(
                    ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                    HttpResponse.status(status));
        }
    }

    /**
     * The shared cache (Redis in cluster mode: carts, locks) did not answer: 503 with {@code Retry-After}, so a kiosk
     * or phone retries instead of showing a crash. The detail names no host or driver
     * error ({@link ProblemResponses} gives every 503 one fixed sentence; the cause goes to the log).
     */
    @Singleton
    static final class CacheUnavailable implements ExceptionHandler<CacheUnavailableException, HttpResponse<?>> {

        static final String RETRY_AFTER_SECONDS = "5";
        private static final Logger LOG = LoggerFactory.getLogger(CacheUnavailable.class);

        private final ErrorResponseProcessor<?> problems;

        CacheUnavailable(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, CacheUnavailableException exception) {
            LOG.warn("{} {}: the shared cache is unavailable: {}", request.getMethod(), request.getPath(),
                    exception.getMessage());
            return problems.processResponse(
                    ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                    HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
        }
    }
}
