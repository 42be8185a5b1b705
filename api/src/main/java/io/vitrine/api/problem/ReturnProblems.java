package io.vitrine.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.vitrine.orders.returns.ReturnRefusedException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A return the rules refuse: 422 with its {@code code} (NOT_RELEASED, RETURN_WINDOW_CLOSED, NOT_IN_ORDER,
 * RETURN_QUANTITY_EXCEEDED) and, when items are refused, each in {@code errors} with its field
 * ({@code items[1].qty}) and rule.
 */
@Singleton
final class ReturnProblems implements ExceptionHandler<ReturnRefusedException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ReturnRefusedException refused) {
        List<Problem.FieldProblem> fields = refused.fields().stream()
                .map(field -> new Problem.FieldProblem(field.field(), field.message(), field.rule())).toList();
        Problem problem = new Problem(ProblemResponses.BUSINESS_RULE_TYPE, HttpStatus.UNPROCESSABLE_ENTITY.getReason(),
                422, refused.getMessage(), refused.code(), fields.isEmpty() ? null : fields);
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem)
                .contentType("application/problem+json");
    }
}
