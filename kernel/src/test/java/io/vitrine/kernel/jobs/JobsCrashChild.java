package io.vitrine.kernel.jobs;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.jobs.infra.JobRunner;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;

/**
 * The process {@link JobsCrashTest} kills: runs the due jobs of the given MariaDB database, and the
 * items handler halts the JVM in the middle of one (with {@link TestJobHandlers#HALT_ON_ITEM} set).
 */
public final class JobsCrashChild {

    static final int DID_NOT_HALT = 4;

    private JobsCrashChild() {
    }

    public static void main(String[] args) {
        ApplicationContext context = KernelContexts.start(
                KernelContexts.databaseProperties(args[0], TestServices.mariaDbUser(), TestServices.mariaDbPassword()));
        int ran = context.getBean(JobRunner.class).runDue();
        System.out.println("ran " + ran + " jobs without halting");
        Runtime.getRuntime().halt(DID_NOT_HALT);
    }
}
