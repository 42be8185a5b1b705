/**
 * Device request signing (api.md "Conventions"): POS systems and partners sign every request with
 * HMAC-SHA256 over a {@link io.vitrine.tenants.devices.signing.CanonicalRequest}; the
 * {@link io.vitrine.tenants.devices.signing.RequestSignatureVerifier} checks form, key, clock
 * window, signature and nonce, in that order, and answers a
 * {@link io.vitrine.tenants.devices.signing.VerificationResult}. No HTTP types: the api hands in a
 * {@link io.vitrine.tenants.devices.signing.SignedRequest} and maps the result to 401/503.
 */
package io.vitrine.tenants.devices.signing;
