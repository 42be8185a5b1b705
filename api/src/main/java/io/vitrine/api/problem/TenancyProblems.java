package io.vitrine.api.problem;

import io.micronaut.context.exceptions.ExpressionEvaluationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.vitrine.kernel.tenancy.TenantNotResolvedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Failures that surface from the data layer, made clean (stack-notes.md "Multi-tenancy"):
 * <ul>
 * <li>tenant-scoped work without a tenant (Micronaut Data wraps the resolver's
 *     {@link TenantNotResolvedException} in an {@link ExpressionEvaluationException} or a
 *     {@link DataAccessException}): 401 for an anonymous request,
 *     404 for a signed-in one or a storefront path (that tenant does not exist for the caller);</li>
 * <li>a unique key broken by a concurrent request that passed the service's own check: 409;</li>
 * <li>the database unreachable (down, restarting, the pool's timeout): 503 ({@link DatabaseProblems});</li>
 * <li>anything else: 500, logged, no message to the client.</li>
 * </ul>
 */
final class TenancyProblems {

    private static final Logger LOG = LoggerFactory.getLogger(TenancyProblems.class);

    private TenancyProblems() {
    }

    static HttpResponse<?> answer(ErrorResponseProcessor<?> problems, HttpRequest<?> request, Throwable exception) {
        HttpStatus status;
        String detail;
        if (causedBy(exception, TenantNotResolvedException.class) != null) {
            boolean known = request.getUserPrincipal().isPresent() || request.getPath().startsWith("/s/");
            status = known ? HttpStatus.NOT_FOUND : HttpStatus.UNAUTHORIZED;
            detail = known ? "No such tenant here." : "Sign in first.";
        } else if (isUniqueKeyViolation(exception)) {
            status = HttpStatus.CONFLICT;
            detail = "This conflicts with an existing record.";
        } else if (DatabaseProblems.unreachable(exception)) {
            return DatabaseProblems.unavailable(problems, request, exception);
        } else {
            LOG.error("Data access failed on {} {}", request.getMethod(), request.getPath(), exception);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = null;
        }
        ErrorContext.Builder context = ErrorContext.builder(request).cause(exception);
        if (detail != null) {
            context.errorMessage(detail);
        }
        return problems.processResponse(context.build(), HttpResponse.status(status));
    }

    @Nullable
    private static <T extends Throwable> T causedBy(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** SQLSTATE 23xxx: integrity constraint violation (duplicate key on MySQL, MariaDB and H2). */
    private static boolean isUniqueKeyViolation(Throwable exception) {
        SQLException sql = causedBy(exception, SQLException.class);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    @Singleton
    static final class TenantMissing implements ExceptionHandler<TenantNotResolvedException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        TenantMissing(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, TenantNotResolvedException exception) {
            return answer(problems, request, exception);
        }
    }

    /** Micronaut Data evaluates the tenant of a generated query as an expression, and wraps its failure. */
    @Singleton
    static final class TenantExpression implements ExceptionHandler<ExpressionEvaluationException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        TenantExpression(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ExpressionEvaluationException exception) {
            return answer(problems, request, exception);
        }
    }

    @Singleton
    static final class DataAccess implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        DataAccess(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
            return answer(problems, request, exception);
        }
    }
}
