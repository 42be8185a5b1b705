package io.vitrine.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits migration SQL into tokens the way MySQL reads it: comments and string literals are
 * tokens of their own (so nothing inside them is mistaken for SQL), backtick-quoted names are
 * identifiers that may be anything.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, JSON_ARROW, EXECUTABLE_COMMENT, SYMBOL }

    record Token(Kind kind, String text, int line) {

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && text.charAt(0) == symbol;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlTokens() {
    }

    /** The statements of a script, each a list of tokens, without the separating semicolons. */
    static List<List<Token>> statements(String sql) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens(sql)) {
            if (token.isSymbol(';')) {
                if (!current.isEmpty()) {
                    statements.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }

    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-')) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                String comment = sql.substring(i, end);
                if (comment.startsWith("/*!") || comment.startsWith("/*+")) {
                    // MySQL executes /*! ... */ and reads /*+ ... */ as hints: not comments at all
                    tokens.add(new Token(Kind.EXECUTABLE_COMMENT, comment, line));
                }
                line += count(comment, '\n');
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(sql, i, c);
                String body = sql.substring(i + 1, Math.max(i + 1, end - 1));
                tokens.add(new Token(c == '`' ? Kind.QUOTED_NAME : Kind.STRING, body, line));
                line += count(sql.substring(i, end), '\n');
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), line));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.' || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), line));
            } else if (c == '-' && sql.startsWith("->", i)) {
                int length = sql.startsWith("->>", i) ? 3 : 2;
                tokens.add(new Token(Kind.JSON_ARROW, sql.substring(i, i + length), line));
                i += length;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    /** Index just past the closing quote; a doubled quote or a backslash escape stays inside. */
    private static int closingQuote(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
