package io.vitrine.kernel.outbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.testing.ChildJvm;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.vitrine.kernel.outbox.TestListeners.RECORDER_A;
import static io.vitrine.kernel.outbox.TestListeners.RECORDER_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between commit and delivery loses nothing: a real child JVM commits events to the
 * MariaDB database and halts; a dispatcher in this JVM then delivers every one of them exactly
 * once to each listener.
 */
class OutboxCrashTest {

    private static final int EVENTS = 25;

    private final ApplicationContext context = KernelContexts.mariaDb();
    @SuppressWarnings("unchecked")
    private final TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
    private final OutboxTables tables = new OutboxTables(transactions);

    @Test
    void events_committed_by_a_process_that_dies_before_dispatching_are_all_delivered_once() throws Exception {
        String tag = "crash-before-" + UUID.randomUUID().toString().substring(0, 8);

        int exit = runChild("before-dispatch", tag, null);

        assertThat(exit).as("the child halted after committing").isEqualTo(OutboxCrashChild.HALTED);
        List<String> ids = tables.eventIdsWithBusinessKeyPrefix(tag);
        assertThat(ids).hasSize(EVENTS);
        assertThat(tables.deliveriesOf(ids, "PENDING")).isEqualTo(2 * EVENTS);

        deliverEverythingDue();

        assertDeliveredOnceToEachListener(ids);
    }

    @Test
    void events_of_a_process_that_dies_in_the_middle_of_a_delivery_are_all_delivered_once() throws Exception {
        String tag = "crash-mid-" + UUID.randomUUID().toString().substring(0, 8);

        // recorder B halts the child inside its 13th delivery, after writing its effect, before commit
        int exit = runChild("mid-dispatch", tag, 13);

        assertThat(exit).as("the child halted inside a delivery").isEqualTo(OutboxCrashChild.HALTED);
        List<String> ids = tables.eventIdsWithBusinessKeyPrefix(tag);
        assertThat(ids).hasSize(EVENTS);
        int doneBeforeCrash = tables.deliveriesOf(ids, "DONE");
        assertThat(doneBeforeCrash).as("the child delivered some before dying").isBetween(12, 2 * EVENTS - 1);
        assertThat(tables.effectsWithBusinessKeyPrefix(tag)).as("only committed effects survive").isEqualTo(doneBeforeCrash);

        deliverEverythingDue();

        assertDeliveredOnceToEachListener(ids);
    }

    /** The child's claims hold a lease; once it ends (clock moved past it) this JVM takes over. */
    private void deliverEverythingDue() {
        OutboxSettings settings = context.getBean(OutboxSettings.class);
        context.getBean(MutableClock.class).advanceTo(Instant.now().plus(settings.lease()).plusSeconds(1));
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    private void assertDeliveredOnceToEachListener(List<String> ids) {
        for (String id : ids) {
            for (String listener : List.of(RECORDER_A, RECORDER_B)) {
                assertThat(tables.effects(listener, id)).as("%s effects of %s", listener, id).isEqualTo(1);
                assertThat(tables.delivery(id, listener).status()).isEqualTo("DONE");
            }
        }
    }

    private int runChild(String mode, String tag, Integer haltOnDelivery) throws Exception {
        RecordingListener.createEffectsTable(transactions);
        Map<String, String> properties = haltOnDelivery == null
                ? Map.of() : Map.of(TestListeners.HALT_ON_DELIVERY, haltOnDelivery.toString());
        return ChildJvm.run(OutboxCrashChild.class, properties, "outbox-crash-" + mode + ".log",
                KernelContexts.mariaDbUrl(), mode, Integer.toString(EVENTS), tag);
    }
}
