package io.vitrine.api.security;

import io.vitrine.tenants.devices.signing.ReplayProtection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a device-signed route may do when the shared nonce store is down (api.md "Conventions"), read by
 * {@link DeviceSignatureFilter} from the matched route; on a method it wins over its controller's. Without
 * it, GET and HEAD fall back to this instance's nonces and every other method is STRICT (503). Mark
 * {@code FALLBACK_ALLOWED} only what is safe to accept twice: read-only feeds, and batches whose items carry
 * their own ids (event batches answer DUPLICATE for an event seen before). Never a route that moves money
 * or creates orders.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReplayPolicy {

    ReplayProtection value();
}
