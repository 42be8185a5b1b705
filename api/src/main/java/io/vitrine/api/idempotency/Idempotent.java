package io.vitrine.api.idempotency;

import io.micronaut.http.annotation.FilterMatcher;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating route as honouring {@code Idempotency-Key} (api.md "Conventions": the same key and
 * body answer the same result). Put it on every POST that creates something; {@link IdempotencyFilter}
 * runs only for routes carrying it.
 */
@FilterMatcher
@Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = false,
        description = "1-255 printable ASCII characters; the same key and body answer the same result for 24 hours")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** Set on an answer that was recorded earlier and is sent again, nothing having run this time. */
    String REPLAYED = "Idempotent-Replayed";
}
