package io.vitrine.migrations;

import io.vitrine.kernel.testing.TestServices;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration applies on the embedded H2 (MySQL mode) and on MariaDB, to the same schema. */
class MigrationsApplyTest {

    @TempDir
    static Path h2Directory;

    @Test
    void all_migrations_apply_on_h2_and_mariadb_and_give_the_same_tables_and_columns() throws SQLException {
        String h2 = TestServices.h2FileUrl(h2Directory, "migrations");
        String mariaDb = TestServices.freshMariaDbDatabase("migrations");

        MigrateResult onH2 = migrate(h2, "sa", "");
        MigrateResult onMariaDb = migrate(mariaDb, TestServices.mariaDbUser(), TestServices.mariaDbPassword());

        int scripts = MigrationScripts.files().size();
        assertThat(onH2.migrationsExecuted).isEqualTo(scripts);
        assertThat(onMariaDb.migrationsExecuted).isEqualTo(scripts);

        Map<String, Set<String>> h2Schema = schema(h2, "sa", "");
        Map<String, Set<String>> mariaDbSchema = schema(mariaDb, TestServices.mariaDbUser(), TestServices.mariaDbPassword());
        assertThat(h2Schema).containsKeys("outbox_events", "outbox_deliveries", "processed_events", "shedlock", "stored_files",
                "tenants", "bonded_warehouses", "stores", "staff_accounts", "staff_store_scopes", "invitations",
                "merchant_applications", "application_documents", "audit_events", "tenant_settings", "tenant_themes");
        assertThat(mariaDbSchema).isEqualTo(h2Schema);

        // applying again is a no-op that still validates the checksums
        assertThat(migrate(h2, "sa", "").migrationsExecuted).isZero();
        assertThat(migrate(mariaDb, TestServices.mariaDbUser(), TestServices.mariaDbPassword()).migrationsExecuted).isZero();
    }

    private static MigrateResult migrate(String url, String user, String password) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    /** table -> "column NULL|NOT NULL", lower case, Flyway's own history table left out. */
    private static Map<String, Set<String>> schema(String url, String user, String password) throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet columns = metaData.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (columns.next()) {
                    String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.equals("flyway_schema_history")) {
                        continue;
                    }
                    String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                            + ("YES".equals(columns.getString("IS_NULLABLE")) ? " NULL" : " NOT NULL");
                    tables.computeIfAbsent(table, t -> new TreeSet<>()).add(column);
                }
            }
        }
        return tables;
    }
}
