package io.vitrine.kernel.tenancy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discriminator multi-tenancy through {@link TenantContext}: one suite, run on H2 and on MariaDB. */
abstract class TenantIsolationSuite {

    private TenantNoteRepository notes;
    private FakeRequestTenant requests;
    private TenantId a;
    private TenantId b;

    protected abstract ApplicationContext context();

    @BeforeEach
    void setUp() throws SQLException {
        ApplicationContext context = context();
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            try (Statement ddl = status.getConnection().createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS test_tenant_notes (id CHAR(36) NOT NULL, "
                        + "tenant_id VARCHAR(36) NOT NULL, body VARCHAR(200) NOT NULL, PRIMARY KEY (id))");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        notes = context.getBean(TenantNoteRepository.class);
        requests = context.getBean(FakeRequestTenant.class);
        // fresh tenants per test: the shared database keeps earlier tests' rows
        a = TenantId.of("a-" + UUID.randomUUID().toString().substring(0, 8));
        b = TenantId.of("b-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void a_tenant_sees_only_its_own_rows_and_inserts_are_stamped_with_it() {
        TenantContext.runAs(a, () -> notes.save(TenantNote.of(id(), "shared body")));
        TenantContext.runAs(b, () -> notes.save(TenantNote.of(id(), "shared body")));
        TenantContext.runAs(b, () -> notes.save(TenantNote.of(id(), "shared body")));

        List<TenantNote> seenByA = TenantContext.callAs(a, () -> notes.findByBody("shared body"));
        List<TenantNote> seenByB = TenantContext.callAs(b, () -> notes.findByBody("shared body"));

        assertThat(seenByA).extracting(TenantNote::tenantId).containsExactly(a.value());
        assertThat(seenByB).extracting(TenantNote::tenantId).containsExactly(b.value(), b.value());
    }

    @Test
    void another_tenants_row_cannot_be_found_or_deleted_by_its_id() {
        String noteOfA = TenantContext.callAs(a, () -> notes.save(TenantNote.of(id(), "private to a")).id());

        TenantContext.runAs(b, () -> {
            assertThat(notes.findById(noteOfA)).isEmpty();
            assertThat(notes.existsById(noteOfA)).isFalse();
            notes.deleteById(noteOfA);
        });

        assertThat(TenantContext.callAs(a, () -> notes.findById(noteOfA))).isPresent();
    }

    @Test
    void tenant_scoped_work_without_a_tenant_fails_instead_of_seeing_every_tenant() {
        TenantContext.runAs(a, () -> notes.save(TenantNote.of(id(), "nobody may list this")));

        assertThatThrownBy(() -> notes.findByBody("nobody may list this"))
                .hasRootCauseInstanceOf(TenantNotResolvedException.class);
    }

    @Test
    void the_request_tenant_applies_when_no_runAs_is_in_effect_and_runAs_wins_over_it() {
        TenantContext.runAs(a, () -> notes.save(TenantNote.of(id(), "request body")));
        TenantContext.runAs(b, () -> notes.save(TenantNote.of(id(), "request body")));

        requests.serve(a, () -> {
            assertThat(notes.findByBody("request body")).extracting(TenantNote::tenantId).containsExactly(a.value());
            TenantContext.runAs(b, () -> assertThat(notes.findByBody("request body"))
                    .extracting(TenantNote::tenantId).containsExactly(b.value()));
        });
    }

    @Test
    void work_handed_to_a_micronaut_executor_inside_runAs_runs_for_that_tenant() throws Exception {
        TenantContext.runAs(a, () -> notes.save(TenantNote.of(id(), "executor body")));
        TenantContext.runAs(b, () -> notes.save(TenantNote.of(id(), "executor body")));
        ExecutorService executor = context().getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING));

        List<TenantNote> seen = TenantContext.callAs(b,
                () -> executor.submit(() -> notes.findByBody("executor body")).get(30, TimeUnit.SECONDS));

        assertThat(seen).extracting(TenantNote::tenantId).containsExactly(b.value());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
