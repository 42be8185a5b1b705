package io.vitrine.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.vitrine.pos.feed.CursorExpiredException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A POS feed cursor older than the pruned change log (pos-integration README "Retention"): 410 Gone with code
 * {@code CURSOR_EXPIRED} and the field {@code cursor}, so the device starts again without one. A status a device
 * cannot mistake for "nothing changed" (an old client that ignores an unknown field in a 200 would).
 */
@Singleton
final class PosFeedProblems implements ExceptionHandler<CursorExpiredException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, CursorExpiredException expired) {
        Problem problem = new Problem(ProblemResponses.BLANK_TYPE, HttpStatus.GONE.getReason(), 410,
                expired.getMessage(), CursorExpiredException.CODE,
                List.of(new Problem.FieldProblem("cursor", expired.getMessage(), CursorExpiredException.CODE)));
        return HttpResponse.status(HttpStatus.GONE).body(problem).contentType("application/problem+json");
    }
}
