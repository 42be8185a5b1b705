package io.vitrine.api.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every error response into {@code application/problem+json}. Micronaut's own handlers (404, 405,
 * 413, malformed bodies, conversion errors), micronaut-security's 401/403 and our handlers for the kernel
 * exceptions all hand their {@link ErrorContext} to this one bean, replacing Micronaut's default JSON
 * error body.
 *
 * <p>A 5xx never carries the exception's message: it is logged, the client gets a fixed sentence (503: try again soon).
 */
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<Problem> {

    static final String BLANK_TYPE = "about:blank";
    static final String INVALID_INPUT_TYPE = "urn:vitrine:problem:invalid-input";
    static final String BUSINESS_RULE_TYPE = "urn:vitrine:problem:business-rule";

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        Problem problem = problemFor(response.getStatus(), context.getRootCause().orElse(null), context.getErrors());
        return response.contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(problem);
    }

    static Problem problemFor(HttpStatus status, @Nullable Throwable cause, List<Error> errors) {
        String title = status.getReason();
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return new Problem(BLANK_TYPE, title, status.getCode(),
                    "A service this request needs is briefly unavailable: try again in a few seconds.", null, null);
        }
        if (status.getCode() >= 500) {
            return new Problem(BLANK_TYPE, title, status.getCode(),
                    "The server could not complete this request. The error has been logged.", null, null);
        }
        if (cause instanceof BusinessRuleException refusal) {
            return new Problem(BUSINESS_RULE_TYPE, title, status.getCode(), refusal.getMessage(), refusal.code(), null);
        }
        if (cause instanceof ConflictException conflict && conflict.code() != null) {
            return new Problem(BLANK_TYPE, title, status.getCode(), conflict.getMessage(), conflict.code(), null);
        }
        if (cause instanceof InvalidInputException invalid) {
            List<Problem.FieldProblem> fields = invalid.errors().stream()
                    .map(e -> new Problem.FieldProblem(e.field(), e.message(), e.rule()))
                    .toList();
            return new Problem(INVALID_INPUT_TYPE, title, status.getCode(), "Some fields are invalid.", null, fields);
        }
        if (isMalformedJson(cause)) {
            return new Problem(BLANK_TYPE, title, status.getCode(), "The request body is not valid JSON.", null, null);
        }
        List<Problem.FieldProblem> fields = errors.stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldProblem(e.getPath().get(), e.getMessage()))
                .toList();
        if (!fields.isEmpty()) {
            return new Problem(INVALID_INPUT_TYPE, title, status.getCode(), "Some fields are invalid.", null, fields);
        }
        String detail = errors.isEmpty() ? title : errors.get(0).getMessage();
        return new Problem(BLANK_TYPE, title, status.getCode(), detail, null, null);
    }

    /** Serde wraps the parser's complaint; the parser's own message would echo the body, so it stays out. */
    private static boolean isMalformedJson(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonSyntaxException || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return true;
            }
        }
        return false;
    }
}
