package io.vitrine.pos.events.infra;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import io.vitrine.pos.events.BatchTransaction;
import io.vitrine.pos.infra.SqlRefusedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.function.Supplier;

/** {@link BatchTransaction} as a READ COMMITTED JDBC transaction, tried up to five times while it loses races. */
@Singleton
class JdbcBatchTransaction implements BatchTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBatchTransaction.class);
    private static final int ATTEMPTS = 5;

    private final TransactionOperations<Connection> transactions;
    private final TransactionDefinition readCommitted;

    JdbcBatchTransaction(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        definition.setName("pos-event-batch");
        this.readCommitted = definition;
    }

    @Override
    public <T> T readCommitted(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(readCommitted, status -> work.get());
            } catch (SqlRefusedException e) {
                if (!e.lostRace() || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("event batch lost a race to another writer, attempt {}: {}", attempt, e.getMessage());
            }
        }
    }
}
