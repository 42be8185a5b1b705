package io.vitrine.kernel.outbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dispatch after commit: with polling on but its first round an hour away, only the wake-up that the
 * publishing transaction's commit triggers can deliver (issue #4: the index follows a change within 1 s).
 */
class OutboxWakeUpTest {

    private static ApplicationContext context;
    private static TransactionOperations<Connection> transactions;
    private static Outbox outbox;
    private static OutboxTables tables;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void aContextWhosePollerWaitsAnHour() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "h2-wake-up-");
        Map<String, Object> properties = new java.util.HashMap<>(
                KernelContexts.databaseProperties(TestServices.h2FileUrl(folder, "kernel"), "sa", ""));
        properties.put("vitrine.outbox.polling-enabled", true);
        properties.put("vitrine.outbox.poll-interval", "1h");
        context = KernelContexts.start(properties);
        transactions = context.getBean(TransactionOperations.class);
        RecordingListener.createEffectsTable(transactions);
        outbox = context.getBean(Outbox.class);
        tables = new OutboxTables(transactions);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void a_committed_event_is_delivered_without_waiting_for_the_poll() throws InterruptedException {
        String tag = UUID.randomUUID().toString().substring(0, 13);

        transactions.executeWrite(status -> {
            outbox.publish(new TestEvent(TestEvent.RECORDED, TenantId.of("wake-a"), tag + "-1", "first"));
            outbox.publish(new TestEvent(TestEvent.RECORDED, TenantId.of("wake-a"), tag + "-2", "second"));
            return null;
        });

        // recorders A and B each get both events; the bound only keeps a broken wake-up from hanging the build
        for (int i = 0; i < 300 && tables.effectsWithBusinessKeyPrefix(tag) < 4; i++) {
            Thread.sleep(50);
        }
        assertThat(tables.effectsWithBusinessKeyPrefix(tag)).isEqualTo(4);
    }

    @Test
    void a_rolled_back_transaction_wakes_nothing_and_delivers_nothing() throws InterruptedException {
        String tag = UUID.randomUUID().toString().substring(0, 13);
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            outbox.publish(new TestEvent(TestEvent.RECORDED, TenantId.of("wake-a"), tag + "-gone", "never"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        String later = UUID.randomUUID().toString().substring(0, 13);

        // a later commit's wake-up runs a full round: had the first event existed, it would be delivered too
        transactions.executeWrite(status -> outbox.publish(
                new TestEvent(TestEvent.RECORDED, TenantId.of("wake-a"), later + "-1", "after")));
        for (int i = 0; i < 300 && tables.effectsWithBusinessKeyPrefix(later) < 2; i++) {
            Thread.sleep(50);
        }

        assertThat(tables.effectsWithBusinessKeyPrefix(later)).isEqualTo(2);
        assertThat(tables.effectsWithBusinessKeyPrefix(tag)).isZero();
        assertThat(tables.eventsWithBusinessKeyPrefix(tag)).isZero();
    }
}
