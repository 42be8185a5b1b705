package io.vitrine.kernel.error;

/** A business rule refused the request (HTTP 422), with a stable code. Minimal stand-in until the kernel-values branch lands. */
public class BusinessRuleException extends RuntimeException {

    private final String code;

    public BusinessRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
