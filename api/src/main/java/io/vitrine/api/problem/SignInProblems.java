package io.vitrine.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.vitrine.tenants.staff.SignInRefusedException;
import jakarta.inject.Singleton;

/** A refused staff sign-in answers 401 (api.md: no or bad credentials). */
@Singleton
final class SignInProblems implements ExceptionHandler<SignInRefusedException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> problems;

    SignInProblems(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, SignInRefusedException exception) {
        return problems.processResponse(
                ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                HttpResponse.status(HttpStatus.UNAUTHORIZED));
    }
}
