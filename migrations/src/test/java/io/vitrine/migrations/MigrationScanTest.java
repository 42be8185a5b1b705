package io.vitrine.migrations;

import io.vitrine.migrations.MigrationScanner.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationScanTest {

    private final MigrationScanner scanner = MigrationScanner.withWordLists();

    @Test
    void every_shipped_migration_uses_only_sql_that_mysql_8_and_h2_both_accept() {
        SortedMap<String, String> scripts = MigrationScripts.byVersion();

        assertThat(scripts).containsKeys("V1__outbox_and_job_locks.sql", "V2__stored_files.sql", "V3__tenants.sql");
        assertThat(scanner.scan(scripts)).isEmpty();
    }

    @Test
    void migration_files_are_named_for_flyway_with_distinct_versions() {
        Set<Long> versions = new HashSet<>();
        for (Path file : MigrationScripts.files()) {
            String name = file.getFileName().toString();
            assertThat(name).matches(MigrationScripts.NAME);
            assertThat(versions.add(MigrationScripts.version(name))).as("version of %s is taken", name).isTrue();
        }
    }

    @Test
    void the_reserved_word_list_is_mysql_8s_not_an_older_one() {
        // words MySQL 8 reserved that 5.7 did not: a 5.7 list would let these through
        for (String word : List.of("rank", "groups", "system", "lateral", "of", "window", "cume_dist")) {
            assertThat(rules("CREATE TABLE t (id INT, " + word + " INT)"))
                    .as(word).containsExactly("reserved-word");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            reserved-word        | CREATE TABLE t (id INT, rank INT)
            reserved-word        | CREATE TABLE groups (id INT)
            reserved-word        | CREATE TABLE t (id INT, `ok` INT, system VARCHAR(10))
            reserved-word        | CREATE TABLE t (key VARCHAR(10) NOT NULL)
            reserved-word        | CREATE TABLE t (id INT, order INT)
            reserved-word        | CREATE TABLE t (id INT, PRIMARY KEY (id), KEY ix_t_desc (desc))
            reserved-word        | CREATE INDEX ix_t_rank ON t (id, rank)
            reserved-word        | ALTER TABLE t ADD COLUMN usage INT
            reserved-word        | ALTER TABLE t CHANGE old_name condition INT
            reserved-word        | INSERT INTO t (id, rank) VALUES (1, 2)
            reserved-word        | UPDATE t SET rank = 1 WHERE id = 2
            reserved-word        | SELECT id, system FROM t
            reserved-word        | SELECT id FROM t GROUP BY id ORDER BY groups
            h2-keyword           | CREATE TABLE t (id INT, year INT)
            h2-keyword           | CREATE TABLE user (id INT)
            collation            | CREATE TABLE t (id INT) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_0900_ai_ci
            collation            | CREATE TABLE t (name VARCHAR(10) COLLATE utf8mb4_general_ci)
            charset              | CREATE TABLE t (id INT) DEFAULT CHARSET = latin1
            charset              | CREATE TABLE t (name VARCHAR(10) CHARACTER SET utf8 NOT NULL)
            engine               | CREATE TABLE t (id INT) ENGINE = MyISAM
            fulltext             | CREATE FULLTEXT INDEX ix_t_body ON t (body)
            fulltext             | CREATE TABLE t (body TEXT, FULLTEXT KEY ix_t_body (body))
            json-operator        | SELECT doc->>'$.name' FROM t
            json-operator        | SELECT doc->'$.name' FROM t
            json-function        | SELECT JSON_EXTRACT(doc, '$.name') FROM t
            date-format          | SELECT DATE_FORMAT(created_at, '%Y') FROM t
            if-function          | SELECT IF(amount > 0, 1, 0) FROM t
            executable-comment   | CREATE TABLE t (id INT) /*!80000 ENGINE = InnoDB */
            identifier-too-long  | CREATE TABLE t (a_column_name_that_goes_on_and_on_well_past_what_mysql_allows_xyz INT)
            """)
    void catches_what_mysql_8_or_h2_would_refuse(String rule, String sql) {
        assertThat(rules(sql)).contains(rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE IF NOT EXISTS t (id CHAR(36) NOT NULL, `rank` INT, PRIMARY KEY (id))
            CREATE TABLE t (id INT, body VARCHAR(10) COLLATE utf8mb4_bin) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
            CREATE TABLE t (id INT, parent INT, KEY ix_t_parent (parent), CONSTRAINT fk_t_parent FOREIGN KEY (parent) REFERENCES t (id))
            CREATE TABLE t (id INT, status VARCHAR(16), name VARCHAR(64), locked_at TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP(3))
            INSERT INTO t (id, label) VALUES (1, 'rank, system and groups are fine inside a string')
            -- a comment may say rank, FULLTEXT, IF( or JSON_EXTRACT
            /* so may a block comment: DATE_FORMAT, ->> */ SELECT id FROM t
            SELECT t.rank FROM t ORDER BY id
            SELECT CASE WHEN id > 0 THEN 1 ELSE 0 END FROM t GROUP BY id
            SELECT id FROM t WHERE id = 1 ORDER BY id LIMIT 5 FOR UPDATE SKIP LOCKED
            """)
    void lets_portable_sql_through(String sql) {
        assertThat(scanner.scan(single(sql))).isEmpty();
    }

    @Test
    void index_names_used_twice_across_files_are_caught() {
        SortedMap<String, String> scripts = new TreeMap<>();
        scripts.put("V1__a.sql", "CREATE TABLE a (id INT, x INT, KEY ix_shared (x));");
        scripts.put("V2__b.sql", "CREATE TABLE b (id INT, x INT);\nCREATE INDEX ix_shared ON b (x);");

        List<Finding> findings = scanner.scan(scripts);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("duplicate-index-name");
            assertThat(finding.file()).isEqualTo("V2__b.sql");
            assertThat(finding.line()).isEqualTo(2);
        });
    }

    @Test
    void constraint_names_share_the_index_namespace() {
        SortedMap<String, String> scripts = new TreeMap<>();
        scripts.put("V1__a.sql", "CREATE TABLE a (id INT, CONSTRAINT uq_a_id UNIQUE (id));\n"
                + "CREATE INDEX uq_a_id ON a (id);");

        assertThat(scanner.scan(scripts)).extracting(Finding::rule).containsExactly("duplicate-index-name");
    }

    @Test
    void an_index_name_may_be_reused_after_its_index_is_dropped() {
        SortedMap<String, String> scripts = new TreeMap<>();
        scripts.put("V1__a.sql", "CREATE TABLE a (id INT, x INT);\nCREATE INDEX ix_a_x ON a (x);");
        scripts.put("V2__b.sql", "DROP INDEX ix_a_x ON a;\nCREATE INDEX ix_a_x ON a (id, x);");

        assertThat(scanner.scan(scripts)).isEmpty();
    }

    @Test
    void findings_point_at_the_line_of_the_offending_word() {
        List<Finding> findings = scanner.scan(single("CREATE TABLE t (\n  id INT,\n  -- rank here is a comment\n  rank INT\n)"));

        assertThat(findings).singleElement().extracting(Finding::line).isEqualTo(4);
    }

    private List<String> rules(String sql) {
        return scanner.scan(single(sql)).stream().map(Finding::rule).toList();
    }

    private static SortedMap<String, String> single(String sql) {
        SortedMap<String, String> scripts = new TreeMap<>();
        scripts.put("V1__sample.sql", sql);
        return scripts;
    }
}
