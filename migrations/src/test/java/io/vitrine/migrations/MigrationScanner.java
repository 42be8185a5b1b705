package io.vitrine.migrations;

import io.vitrine.migrations.SqlTokens.Kind;
import io.vitrine.migrations.SqlTokens.Token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Reads migration scripts and reports what MySQL 8 would refuse or H2 (MySQL mode) would reject,
 * although MariaDB, which the tests run, might accept it: reserved words as bare names, foreign
 * collations and character sets, FULLTEXT, JSON operators and functions, DATE_FORMAT, IF(),
 * executable comments, non-InnoDB tables, names over 64 characters, and index or constraint
 * names used twice in the schema.
 */
final class MigrationScanner {

    record Finding(String file, int line, String rule, String message) {
        @Override
        public String toString() {
            return file + ":" + line + " [" + rule + "] " + message;
        }
    }

    private static final Set<String> COLLATIONS = Set.of("UTF8MB4_UNICODE_CI", "UTF8MB4_BIN");

    /** Reserved words our own statements use as keywords, where they are keywords. */
    private static final Set<String> KEYWORDS_WE_WRITE = Set.of(
            "ADD", "ALL", "ALTER", "AND", "AS", "ASC", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BY", "CASCADE",
            "CASE", "CHANGE", "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CONVERT", "CREATE",
            "CROSS", "CURRENT_DATE", "CURRENT_TIMESTAMP", "DEC", "DECIMAL", "DEFAULT", "DELETE", "DESC",
            "DISTINCT", "DOUBLE", "DROP", "DUAL", "ELSE", "EXISTS", "FALSE", "FLOAT", "FOR", "FOREIGN", "FROM",
            "HAVING", "IGNORE", "IN", "INDEX", "INNER", "INSERT", "INT", "INTEGER", "INTERVAL", "INTO", "IS",
            "JOIN", "KEY", "KEYS", "LEFT", "LIKE", "LIMIT", "LONGBLOB", "LONGTEXT", "MEDIUMBLOB", "MEDIUMINT",
            "MEDIUMTEXT", "MOD", "NOT", "NULL", "NUMERIC", "ON", "OR", "OUTER", "PRECISION", "PRIMARY", "REAL",
            "REFERENCES", "RENAME", "REPLACE", "RESTRICT", "RIGHT", "SELECT", "SET", "SMALLINT", "TABLE", "THEN",
            "TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRUE", "UNION", "UNIQUE", "UNSIGNED", "UPDATE", "USING",
            "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR", "WHEN", "WHERE", "WITH");

    private static final Set<String> DATA_TYPES = Set.of(
            "BIGINT", "INT", "INTEGER", "SMALLINT", "TINYINT", "MEDIUMINT", "DECIMAL", "NUMERIC", "DEC", "FLOAT",
            "DOUBLE", "REAL", "BIT", "BOOL", "BOOLEAN", "CHAR", "VARCHAR", "BINARY", "VARBINARY", "TEXT",
            "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "DATE", "DATETIME",
            "TIMESTAMP", "TIME", "YEAR", "ENUM", "SET", "JSON", "UUID");

    private static final Set<String> CONSTRAINT_STARTS = Set.of(
            "CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "FULLTEXT", "SPATIAL");

    private final Set<String> mysqlReserved;
    private final Set<String> h2Keywords;

    MigrationScanner(Set<String> mysqlReserved, Set<String> h2Keywords) {
        this.mysqlReserved = mysqlReserved;
        this.h2Keywords = h2Keywords;
    }

    static MigrationScanner withWordLists() {
        return new MigrationScanner(words("/sql-dialect/mysql-8.0-reserved-words.txt"),
                words("/sql-dialect/h2-mysql-mode-keywords.txt"));
    }

    /** Scans scripts in the order Flyway applies them (file name -> SQL). */
    List<Finding> scan(SortedMap<String, String> scripts) {
        Schema schema = new Schema();
        List<Finding> findings = new ArrayList<>();
        scripts.forEach((file, sql) -> {
            for (List<Token> statement : SqlTokens.statements(sql)) {
                findings.addAll(new StatementCheck(file, statement, schema).run());
            }
        });
        return findings;
    }

    /** Index and constraint names live in one namespace per schema on H2 (and FK names on MySQL). */
    private static final class Schema {
        private final Map<String, String> indexNames = new HashMap<>();   // NAME -> "file:line table"
        private final Map<String, String> indexTables = new HashMap<>();  // NAME -> TABLE
    }

    private final class StatementCheck {
        private final String file;
        private final List<Token> tokens;
        private final Schema schema;
        private final List<Finding> findings = new ArrayList<>();
        private final Set<Integer> namePositions = new HashSet<>();

        StatementCheck(String file, List<Token> tokens, Schema schema) {
            this.file = file;
            this.tokens = tokens;
            this.schema = schema;
        }

        List<Finding> run() {
            structure();
            constructs();
            reservedWordsOutsideNamePositions();
            return findings;
        }

        // ---- statement structure: where the names are --------------------------------------

        private void structure() {
            if (startsWith(0, "CREATE", "TABLE") || startsWith(0, "CREATE", "TEMPORARY", "TABLE")) {
                createTable();
            } else if (startsWith(0, "CREATE", "INDEX") || startsWith(0, "CREATE", "UNIQUE", "INDEX")) {
                int at = indexOfWord("INDEX", 0);
                registerIndexName(at + 1, tableAfter("ON", at));
                name(at + 1, "index");
                int on = indexOfWord("ON", at);
                if (on > 0) {
                    name(on + 1, "table");
                    columnList(on + 2);
                }
            } else if (startsWith(0, "ALTER", "TABLE")) {
                alterTable();
            } else if (startsWith(0, "INSERT")) {
                int into = indexOfWord("INTO", 0);
                if (into > 0) {
                    name(into + 1, "table");
                    if (symbol(into + 2, '(') && !word(into + 3, "SELECT")) {
                        columnList(into + 2);
                    }
                }
            } else if (startsWith(0, "UPDATE")) {
                name(1, "table");
                updateTargets();
            } else if (startsWith(0, "DELETE", "FROM")) {
                name(2, "table");
            } else if (startsWith(0, "DROP", "INDEX")) {
                forgetIndexName(2);
            } else if (startsWith(0, "DROP", "TABLE")) {
                for (int i = 2; i < tokens.size(); i++) {
                    if (tokens.get(i).isName() && !word(i, "IF") && !word(i, "EXISTS")) {
                        String table = tokens.get(i).upper();
                        schema.indexTables.entrySet().removeIf(e -> {
                            boolean gone = e.getValue().equals(table);
                            if (gone) {
                                schema.indexNames.remove(e.getKey());
                            }
                            return gone;
                        });
                    }
                }
            } else if (startsWith(0, "RENAME", "TABLE")) {
                for (int i = 2; i < tokens.size(); i++) {
                    if (word(i, "TO")) {
                        name(i + 1, "table");
                    }
                }
            }
        }

        private void createTable() {
            int at = indexOfWord("TABLE", 0) + 1;
            if (word(at, "IF")) {
                at += word(at + 1, "NOT") ? 3 : 2;
            }
            name(at, "table");
            String table = upperAt(at);
            if (symbol(at + 1, '(')) {
                for (int[] element : elements(at + 1)) {
                    tableElement(element[0], element[1], table);
                }
            }
        }

        private void alterTable() {
            name(2, "table");
            String table = upperAt(2);
            int start = 3;
            int depth = 0;
            for (int i = 3; i <= tokens.size(); i++) {
                boolean end = i == tokens.size();
                if (!end && tokens.get(i).isSymbol('(')) {
                    depth++;
                } else if (!end && tokens.get(i).isSymbol(')')) {
                    depth--;
                }
                if (end || (depth == 0 && tokens.get(i).isSymbol(','))) {
                    alterAction(start, i, table);
                    start = i + 1;
                }
            }
        }

        private void alterAction(int from, int to, String table) {
            if (word(from, "ADD")) {
                int at = word(from + 1, "COLUMN") ? from + 2 : from + 1;
                if (symbol(at, '(')) {
                    for (int[] element : elements(at)) {
                        tableElement(element[0], element[1], table);
                    }
                } else {
                    tableElement(at, to, table);
                }
            } else if (word(from, "CHANGE")) {
                int at = word(from + 1, "COLUMN") ? from + 2 : from + 1;
                name(at + 1, "column");
            } else if (word(from, "MODIFY")) {
                name(word(from + 1, "COLUMN") ? from + 2 : from + 1, "column");
            } else if (word(from, "RENAME")) {
                if (word(from + 1, "INDEX") || word(from + 1, "KEY")) {
                    forgetIndexName(from + 2);
                    registerIndexName(from + 4, table);
                    name(from + 4, "index");
                } else if (word(from + 1, "COLUMN")) {
                    name(from + 4, "column");
                } else {
                    name(word(from + 1, "TO") || word(from + 1, "AS") ? from + 2 : from + 1, "table");
                }
            } else if (word(from, "DROP")) {
                if (word(from + 1, "INDEX") || word(from + 1, "KEY") || word(from + 1, "CONSTRAINT")
                        || word(from + 1, "CHECK")) {
                    forgetIndexName(from + 2);
                } else if (word(from + 1, "FOREIGN")) {
                    forgetIndexName(from + 3);
                }
            }
        }

        /** A column definition or a key/constraint inside CREATE TABLE (...) or ALTER TABLE ADD. */
        private void tableElement(int from, int to, String table) {
            if (from >= to) {
                return;
            }
            Token first = tokens.get(from);
            boolean keyOrIndex = first.isWord("KEY") || first.isWord("INDEX");
            boolean startsConstraint = first.kind() == Kind.WORD && CONSTRAINT_STARTS.contains(first.upper());
            if (keyOrIndex && !(from + 1 < to && DATA_TYPES.contains(upperAt(from + 1)))) {
                startsConstraint = true;
            }
            if (!startsConstraint) {
                name(from, "column");
                int references = indexOfWord("REFERENCES", from);
                if (references > 0 && references < to) {
                    name(references + 1, "table");
                    columnList(references + 2);
                }
                return;
            }
            int at = from;
            if (word(at, "CONSTRAINT")) {
                if (at + 1 < to && tokens.get(at + 1).isName()
                        && !CONSTRAINT_STARTS.contains(upperAt(at + 1))) {
                    registerIndexName(at + 1, table);
                    name(at + 1, "constraint");
                    at += 2;
                } else {
                    at += 1;
                }
            }
            if (word(at, "PRIMARY")) {
                columnList(at + 2);
            } else if (word(at, "UNIQUE") || word(at, "KEY") || word(at, "INDEX")
                    || word(at, "FULLTEXT") || word(at, "SPATIAL")) {
                int nameAt = at + 1;
                if (word(nameAt, "KEY") || word(nameAt, "INDEX")) {
                    nameAt++;
                }
                if (nameAt < to && tokens.get(nameAt).isName()) {
                    registerIndexName(nameAt, table);
                    name(nameAt, "index");
                    columnList(nameAt + 1);
                } else {
                    columnList(nameAt);
                }
            } else if (word(at, "FOREIGN")) {
                int columnsAt = at + 2;
                if (columnsAt < to && tokens.get(columnsAt).isName()) {
                    registerIndexName(columnsAt, table);
                    name(columnsAt, "constraint");
                    columnsAt++;
                }
                columnList(columnsAt);
                int references = indexOfWord("REFERENCES", at);
                if (references > 0 && references < to) {
                    name(references + 1, "table");
                    columnList(references + 2);
                }
            }
        }

        private void updateTargets() {
            int set = indexOfWord("SET", 0);
            if (set < 0) {
                return;
            }
            int depth = 0;
            for (int i = set + 1; i + 1 < tokens.size() && !word(i, "WHERE"); i++) {
                Token token = tokens.get(i);
                if (token.isSymbol('(')) {
                    depth++;
                } else if (token.isSymbol(')')) {
                    depth--;
                } else if (depth == 0 && tokens.get(i + 1).isSymbol('=')
                        && (i == set + 1 || tokens.get(i - 1).isSymbol(','))) {
                    name(i, "column");
                }
            }
        }

        /** Names inside "(a, b(10), c DESC)" starting at an opening parenthesis. */
        private void columnList(int open) {
            if (!symbol(open, '(')) {
                return;
            }
            for (int[] element : elements(open)) {
                name(element[0], "column");
            }
        }

        /** [from, to) ranges of the comma-separated elements inside the parentheses opening at open. */
        private List<int[]> elements(int open) {
            List<int[]> elements = new ArrayList<>();
            int depth = 0;
            int start = open + 1;
            for (int i = open; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.isSymbol('(')) {
                    depth++;
                } else if (token.isSymbol(')')) {
                    depth--;
                    if (depth == 0) {
                        elements.add(new int[] {start, i});
                        return elements;
                    }
                } else if (depth == 1 && token.isSymbol(',')) {
                    elements.add(new int[] {start, i});
                    start = i + 1;
                }
            }
            elements.add(new int[] {start, tokens.size()});
            return elements;
        }

        // ---- names --------------------------------------------------------------------------

        private void name(int at, String role) {
            if (at < 0 || at >= tokens.size() || !tokens.get(at).isName()) {
                return;
            }
            namePositions.add(at);
            Token token = tokens.get(at);
            if (token.text().length() > 64) {
                report(token, "identifier-too-long", role + " name " + token.text() + " is over 64 characters");
            }
            if (token.kind() != Kind.WORD) {
                return;
            }
            if (mysqlReserved.contains(token.upper())) {
                report(token, "reserved-word", role + " name " + token.text()
                        + " is a MySQL 8 reserved word: rename it (or quote it with backticks everywhere)");
            } else if (h2Keywords.contains(token.upper())) {
                report(token, "h2-keyword", role + " name " + token.text()
                        + " is a keyword H2 refuses as a bare name: rename it");
            }
        }

        private void registerIndexName(int at, String table) {
            if (at < 0 || at >= tokens.size() || !tokens.get(at).isName()) {
                return;
            }
            Token token = tokens.get(at);
            String key = token.upper();
            String earlier = schema.indexNames.get(key);
            if (earlier != null) {
                report(token, "duplicate-index-name", "index/constraint name " + token.text()
                        + " is already used at " + earlier + " (names are unique per schema on H2)");
            } else {
                schema.indexNames.put(key, file + ":" + token.line());
                schema.indexTables.put(key, table);
            }
        }

        private void forgetIndexName(int at) {
            if (at >= 0 && at < tokens.size() && tokens.get(at).isName()) {
                schema.indexNames.remove(tokens.get(at).upper());
                schema.indexTables.remove(tokens.get(at).upper());
            }
        }

        private String tableAfter(String keyword, int from) {
            int at = indexOfWord(keyword, from);
            return at > 0 ? upperAt(at + 1) : "";
        }

        // ---- constructs one of the two databases refuses ------------------------------------

        private void constructs() {
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                switch (token.kind()) {
                    case JSON_ARROW -> report(token, "json-operator",
                            token.text() + " is MySQL-only JSON syntax: H2 rejects it");
                    case EXECUTABLE_COMMENT -> report(token, "executable-comment",
                            "/*! */ and /*+ */ comments run on MySQL only: write plain SQL");
                    case WORD -> construct(i, token);
                    default -> { }
                }
            }
        }

        private void construct(int i, Token token) {
            switch (token.upper()) {
                case "FULLTEXT" -> report(token, "fulltext", "FULLTEXT indexes are rejected by H2: search lives in Lucene/Elasticsearch");
                case "JSON_EXTRACT", "JSON_UNQUOTE", "JSON_TABLE" -> report(token, "json-function",
                        token.text() + " does not exist on H2: keep JSON opaque in SQL");
                case "DATE_FORMAT" -> report(token, "date-format", "DATE_FORMAT does not exist on H2");
                case "ST_DISTANCE_SPHERE" -> report(token, "geo-function", "ST_Distance_Sphere does not exist on H2");
                case "IF" -> {
                    if (symbol(i + 1, '(')) {
                        report(token, "if-function", "IF() does not exist on H2: use CASE WHEN ... END");
                    }
                }
                case "COLLATE" -> {
                    String collation = valueAfter(i);
                    if (!COLLATIONS.contains(collation)) {
                        report(token, "collation", "collation " + collation.toLowerCase(Locale.ROOT)
                                + ": use utf8mb4_unicode_ci or utf8mb4_bin (MySQL 8's default differs from MariaDB's)");
                    }
                }
                case "CHARSET" -> charset(token, valueAfter(i));
                case "CHARACTER" -> {
                    if (word(i + 1, "SET")) {
                        charset(token, valueAfter(i + 1));
                    }
                }
                case "ENGINE" -> {
                    String engine = valueAfter(i);
                    if (!engine.equals("INNODB")) {
                        report(token, "engine", "engine " + engine + ": only InnoDB has the transactions and row locks we rely on");
                    }
                }
                default -> { }
            }
        }

        private void charset(Token token, String charset) {
            if (!charset.equals("UTF8MB4")) {
                report(token, "charset", "character set " + charset.toLowerCase(Locale.ROOT) + ": use utf8mb4");
            }
        }

        /** The word after a table/column option keyword, skipping an optional '='. */
        private String valueAfter(int keyword) {
            int at = symbol(keyword + 1, '=') ? keyword + 2 : keyword + 1;
            return upperAt(at);
        }

        // ---- reserved words wherever they are not plainly a keyword -------------------------

        private void reservedWordsOutsideNamePositions() {
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() != Kind.WORD || namePositions.contains(i) || !mysqlReserved.contains(token.upper())
                        || (i > 0 && tokens.get(i - 1).isSymbol('.'))) {
                    continue; // after a '.' MySQL always reads a name, reserved or not
                }
                String word = token.upper();
                boolean keyword = switch (word) {
                    case "GROUP", "ORDER" -> word(i + 1, "BY");
                    case "IF" -> word(i + 1, "NOT") || word(i + 1, "EXISTS") || symbol(i + 1, '(');
                    default -> KEYWORDS_WE_WRITE.contains(word);
                };
                if (!keyword) {
                    report(token, "reserved-word", token.text()
                            + " is a MySQL 8 reserved word: rename it (or quote it with backticks)");
                }
            }
        }

        // ---- token helpers ------------------------------------------------------------------

        private boolean startsWith(int at, String... words) {
            for (int k = 0; k < words.length; k++) {
                if (!word(at + k, words[k])) {
                    return false;
                }
            }
            return true;
        }

        private boolean word(int at, String word) {
            return at >= 0 && at < tokens.size() && tokens.get(at).isWord(word);
        }

        private boolean symbol(int at, char symbol) {
            return at >= 0 && at < tokens.size() && tokens.get(at).isSymbol(symbol);
        }

        private int indexOfWord(String word, int from) {
            for (int i = Math.max(from, 0); i < tokens.size(); i++) {
                if (tokens.get(i).isWord(word)) {
                    return i;
                }
            }
            return -1;
        }

        private String upperAt(int at) {
            return at >= 0 && at < tokens.size() ? tokens.get(at).upper() : "";
        }

        private void report(Token token, String rule, String message) {
            findings.add(new Finding(file, token.line(), rule, message));
        }
    }

    private static Set<String> words(String resource) {
        try (InputStream in = MigrationScanner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
