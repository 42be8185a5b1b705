package io.vitrine.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vitrine.kernel.error.InvalidInputException;
import jakarta.inject.Singleton;

/**
 * A form body that is not properly URL-encoded ({@code %zz}, a cut-off {@code %E0%A4%A}) fails in Netty's form
 * decoder while Micronaut binds the route's {@code @Body}: 400 on field {@code form}, the same refusal as
 * {@code console.FormBody} gives, instead of the 500 it was (issue #10, found by {@code HostileInputSuite}). The
 * decoder's own message is left out: it quotes the body. Console paths get the error page as usual.
 */
@Singleton
final class MalformedFormProblems implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> problems;

    MalformedFormProblems(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        InvalidInputException refused = InvalidInputException.of("form", "FORM_ENCODING", "not a properly URL-encoded form");
        return problems.processResponse(ErrorContext.builder(request).cause(refused).build(),
                HttpResponse.status(HttpStatus.BAD_REQUEST));
    }
}
