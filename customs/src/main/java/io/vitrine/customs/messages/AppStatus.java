package io.vitrine.customs.messages;

/** The head's {@code appStatus}: a draft stays at the e-port, a declaration goes to customs (and must be signed). */
public enum AppStatus {
    /** 1: draft (暂存). */
    DRAFT("1"),
    /** 2: declare (申报); the message must carry the enterprise's signature. */
    DECLARE("2");

    private final String code;

    AppStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static AppStatus ofCode(String code) {
        for (AppStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("appStatus is 1 or 2");
    }
}
