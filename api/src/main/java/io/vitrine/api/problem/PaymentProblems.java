package io.vitrine.api.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.vitrine.orders.compliance.CheckoutRefusedException;
import io.vitrine.orders.compliance.Refusal;
import io.vitrine.orders.payment.NotifyRejectedException;
import io.vitrine.orders.payment.PaymentGatewayUnavailableException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Problems of checkout and payments: a refused checkout is 422 with the first refusal's {@code code} and every
 * refusal in {@code errors} (field, or {@code items[<sku>]}, with its code as the rule), the sentences in the
 * shopper's language ({@code Accept-Language}: zh-CN, else English); an untrusted notify 400;
 * Alipay unreachable or busy 503 with Retry-After (the outcome is unknown: retry the same request).
 */
final class PaymentProblems {

    private PaymentProblems() {
    }

    @Singleton
    static final class CheckoutRefused implements ExceptionHandler<CheckoutRefusedException, HttpResponse<?>> {

        @Override
        public HttpResponse<?> handle(HttpRequest request, CheckoutRefusedException refused) {
            Locale locale = ((HttpRequest<?>) request).getLocale().orElse(Locale.ENGLISH);
            List<Problem.FieldProblem> fields = refused.refusals().stream()
                    .map(refusal -> field(refusal, locale)).toList();
            String detail = refused.refusals().isEmpty() ? refused.getMessage()
                    : refused.refusals().get(0).message(locale);
            Problem problem = new Problem(ProblemResponses.BUSINESS_RULE_TYPE,
                    HttpStatus.UNPROCESSABLE_ENTITY.getReason(), 422, detail, refused.code(), fields);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem)
                    .contentType("application/problem+json");
        }
    }

    @Singleton
    static final class NotifyRejected implements ExceptionHandler<NotifyRejectedException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        NotifyRejected(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NotifyRejectedException exception) {
            return problems.processResponse(ErrorContext.builder(request).cause(exception)
                    .errorMessage("The notify could not be verified.").build(), HttpResponse.badRequest());
        }
    }

    @Singleton
    static final class GatewayUnavailable
            implements ExceptionHandler<PaymentGatewayUnavailableException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        GatewayUnavailable(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, PaymentGatewayUnavailableException exception) {
            return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
                    HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5"));
        }
    }

    private static Problem.FieldProblem field(Refusal refusal, Locale locale) {
        String field = refusal.field() != null ? refusal.field()
                : refusal.sku() != null ? "items[" + refusal.sku() + "]" : "order";
        return new Problem.FieldProblem(field, refusal.message(locale), refusal.code());
    }
}
