package io.vitrine.orders.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Counts the SQL statements a piece of work sends (issue #5's "statements per checkout"): wraps the application's
 * {@link DataSource} so that every execute of a statement made on this thread, while {@link #count} runs, adds one
 * (a batch counts once: it is one round trip). Only in contexts with {@code vitrine.test.count-statements: true}.
 */
@Singleton
@Requires(property = "vitrine.test.count-statements", value = "true")
public class SqlStatements implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final ThreadLocal<java.util.List<String>> COUNTING = new ThreadLocal<>();

    /** Runs the work; answers how many statements it executed on this thread. */
    public static <T> Counted<T> count(Supplier<T> work) {
        java.util.List<String> executed = new java.util.ArrayList<>();
        COUNTING.set(executed);
        try {
            T result = work.get();
            return new Counted<>(result, executed);
        } finally {
            COUNTING.remove();
        }
    }

    /** @param executed each statement's SQL (the first 60 characters), in order */
    public record Counted<T>(T result, java.util.List<String> executed) {

        public int statements() {
            return executed.size();
        }
    }

    /** Before micronaut-data wraps the pool in its contextual data source, so that it unwraps to this one. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        return proxy(DataSource.class, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private static Connection connection(Connection target) {
        return proxy(Connection.class, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement && method.getName().matches("prepareStatement|createStatement|prepareCall")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
                return statement(statement, method.getReturnType(), sql);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static <S extends Statement> S statement(Statement target, Class<?> type, String sql) {
        return (S) proxy((Class<Statement>) type, target, (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && COUNTING.get() != null) {
                String text = args != null && args.length > 0 && args[0] instanceof String direct ? direct : sql;
                COUNTING.get().add(text.substring(0, Math.min(60, text.length())));
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
