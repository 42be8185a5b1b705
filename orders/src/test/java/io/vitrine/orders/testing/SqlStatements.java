package io.vitrine.orders.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
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
public class SqlStatements implements BeanCreatedEventListener<DataSource> {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();

    /** Runs the work; answers how many statements it executed on this thread. */
    public static <T> Counted<T> count(Supplier<T> work) {
        int[] counter = new int[1];
        COUNTING.set(counter);
        try {
            T result = work.get();
            return new Counted<>(result, counter[0]);
        } finally {
            COUNTING.remove();
        }
    }

    public record Counted<T>(T result, int statements) {
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
                return statement(statement, method.getReturnType());
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static <S extends Statement> S statement(Statement target, Class<?> type) {
        return (S) proxy((Class<Statement>) type, target, (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && COUNTING.get() != null) {
                COUNTING.get()[0]++;
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
