/**
 * Signing CEB messages: the {@link io.vitrine.customs.signing.MessageSigner} port (enveloped XML-DSig,
 * domain.md "Signature"), its algorithms, and checking a signed message. In production the key may live
 * in an e-port card, a U-key or a signing machine, so nothing outside {@code infra} touches key material.
 */
package io.vitrine.customs.signing;
