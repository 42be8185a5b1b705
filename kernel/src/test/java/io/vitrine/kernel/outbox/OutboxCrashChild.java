package io.vitrine.kernel.outbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;

import java.sql.Connection;

/**
 * The process {@link OutboxCrashTest} kills: publishes and commits events to the given MariaDB
 * database, then halts — right away ({@code before-dispatch}), or inside a listener's delivery
 * transaction ({@code mid-dispatch}, with {@link TestListeners#HALT_ON_DELIVERY} set).
 */
public final class OutboxCrashChild {

    static final int HALTED = 3;
    static final int DID_NOT_HALT = 4;

    private OutboxCrashChild() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String mode = args[1];
        int events = Integer.parseInt(args[2]);
        String tag = args[3];

        ApplicationContext context = KernelContexts.start(
                KernelContexts.databaseProperties(url, TestServices.mariaDbUser(), TestServices.mariaDbPassword()));
        Outbox outbox = context.getBean(Outbox.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);

        transactions.executeWrite(status -> {
            for (int i = 0; i < events; i++) {
                outbox.publish(new TestEvent(TestEvent.CRASH, TenantId.of("crash-tenant"), tag + "-" + i, "n" + i));
            }
            return null;
        });
        System.out.println("committed " + events + " events tagged " + tag);

        if (mode.equals("before-dispatch")) {
            Runtime.getRuntime().halt(HALTED);
        }
        context.getBean(OutboxDispatcher.class).dispatchDue();
        System.out.println("dispatched everything without halting");
        Runtime.getRuntime().halt(DID_NOT_HALT);
    }
}
