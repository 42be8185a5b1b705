package io.vitrine.api.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The database did not answer (down, restarting, or no pooled connection within {@code vitrine.db.connection-timeout}):
 * 503 with {@code Retry-After}, like the shared cache's outage, instead of a 500. Found by {@code ./vitrine bench faults}
 * (issue #10): while MariaDB restarted, a request on a pooled connection the restart had broken failed in Micronaut
 * Data's {@link ConnectionException} ("Could not set JDBC Connection read-only: Communications link failure"), and a
 * request that found no connection in {@link CannotGetJdbcConnectionException} (after Hikari's 30 s), which no handler
 * knew. Nothing was written: the transaction never began, or was rolled back with the connection.
 */
final class DatabaseProblems {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    private DatabaseProblems() {
    }

    /**
     * Whether {@code exception} comes from the database being unreachable: a connection SQLSTATE (08xxx), the pool's
     * timeout, a refused socket.
     */
    static boolean unreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getName().equals("com.mysql.cj.jdbc.exceptions.CommunicationsException")) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<?> unavailable(ErrorResponseProcessor<?> problems, HttpRequest<?> request, Throwable exception) {
        LOG.warn("{} {}: the database is unavailable: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

    private static HttpResponse<?> serverError(ErrorResponseProcessor<?> problems, HttpRequest<?> request,
                                               Throwable exception) {
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    /** A pooled connection could not be set up for the work (read-only, auto-commit): 503, nothing was done. */
    @Singleton
    static final class NoConnection implements ExceptionHandler<ConnectionException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        NoConnection(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConnectionException exception) {
            // whatever the driver said ("Communications link failure", Hikari's "Connection is closed" without a
            // SQLSTATE): the connection could not be set up, so the work never began
            return unavailable(problems, request, exception);
        }
    }

    /** The pool gave no connection (none could be opened within the pool's timeout): 503, nothing was done. */
    @Singleton
    static final class NoJdbcConnection implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        NoJdbcConnection(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
            return unavailable(problems, request, exception);
        }
    }

    /** A transaction that could not begin, commit or roll back: 503 when the database is unreachable, else 500. */
    @Singleton
    static final class Transaction implements ExceptionHandler<TransactionException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> problems;

        Transaction(ErrorResponseProcessor<?> problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, TransactionException exception) {
            return unreachable(exception) ? unavailable(problems, request, exception)
                    : serverError(problems, request, exception);
        }
    }
}
