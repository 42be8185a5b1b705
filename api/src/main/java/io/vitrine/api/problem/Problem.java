package io.vitrine.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code code} is the stable business-rule code of a 422 (and of any
 * other refusal that has one); {@code errors} lists the refused fields of a 400.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type,
                      String title,
                      int status,
                      String detail,
                      @Nullable String code,
                      @Nullable List<FieldProblem> errors) {

    /**
     * One refused field: the path as the client sent it ({@code items[0].qty}), why, and the broken rule's
     * stable code when it has one ({@code USCC_CHECK_CHARACTER}).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldProblem(String field, String message, @Nullable String rule) {

        public FieldProblem(String field, String message) {
            this(field, message, null);
        }
    }
}
