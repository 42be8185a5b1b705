package io.vitrine.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import jakarta.inject.Singleton;

/**
 * The HTTP status of each kernel exception the domain throws; the body is left to {@link ProblemResponses}:
 * invalid input 400 (with the fields), unknown or another tenant's 404, state conflict 409, business rule 422
 * (with its code).
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
}
