package io.vitrine.kernel.tabular;

import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;

import java.util.List;

/**
 * An uploaded tabular file that cannot be read as a whole (HTTP 400 where it reaches a request; a job
 * FAILED with this message). {@code rule} is stable; the message starts with it and says what to
 * fix, and never repeats cell values.
 */
public class TabularFileException extends InvalidInputException {

    /** The rules a file can break. */
    public enum Rule {
        FILE_TOO_LARGE, EMPTY_FILE, NOT_TEXT, ENCODING, MALFORMED_CSV, MALFORMED_XLSX, ZIP_BOMB,
        MISSING_COLUMN, UNKNOWN_COLUMN, DUPLICATE_COLUMN, TOO_MANY_ROWS, CELL_TOO_LONG, EXTRA_CELLS
    }

    private final Rule rule;

    public TabularFileException(Rule rule, String message) {
        super(List.of(new FieldError("file", rule + ": " + message)));
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
