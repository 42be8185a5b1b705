package io.vitrine.customs.messages;

/** The head's {@code appType}: what the message does to the declaration it names. */
public enum AppType {
    /** 1: a new declaration. */
    ADD("1"),
    /** 2: a change, e.g. a corrected message after customs rejected it (returnStatus 100). */
    CHANGE("2"),
    /** 3: a deletion. */
    DELETE("3");

    private final String code;

    AppType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static AppType ofCode(String code) {
        for (AppType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("appType is 1, 2 or 3");
    }
}
