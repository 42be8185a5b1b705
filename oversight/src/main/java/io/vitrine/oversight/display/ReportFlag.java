package io.vitrine.oversight.display;

/** How the store's count of a SKU compares with the account book as of that count. */
public enum ReportFlag {
    /** Counted what the book says. */
    MATCH,
    /** Fewer on the shelf than the book: display goods unaccounted for. */
    SHORT,
    /** More on the shelf than the book. */
    OVER,
    /** The book has goods on display and the store's POS never counted the SKU. */
    NOT_COUNTED,
    /** Units the store's POS sold off display that no declared order covers yet: they must be declared. */
    SOLD_NOT_DECLARED,
    /** Nothing on display and nothing counted. */
    CLEAR;

    /** Whether customs should look at this line. */
    public boolean isDifference() {
        return this == SHORT || this == OVER || this == NOT_COUNTED || this == SOLD_NOT_DECLARED;
    }
}
