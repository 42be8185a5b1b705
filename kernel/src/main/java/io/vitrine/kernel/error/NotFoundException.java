package io.vitrine.kernel.error;

/**
 * The resource does not exist for the caller (HTTP 404). Also thrown for another tenant's
 * resource, so that existence never leaks across tenants (architecture.md "Tenancy").
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    /** E.g. {@code NotFoundException.of("order", "VT20250101000001")} -> "order VT... not found". */
    public static NotFoundException of(String kind, Object id) {
        return new NotFoundException(kind + " " + id + " not found");
    }
}
