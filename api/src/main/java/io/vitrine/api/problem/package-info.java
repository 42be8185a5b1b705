/**
 * The one problem+json error mapping (api.md "Conventions"): every error the application answers, from
 * routing, security, body decoding, validation or the domain's {@code io.vitrine.kernel.error}
 * exceptions, goes through {@link io.vitrine.api.problem.ProblemResponses}.
 */
package io.vitrine.api.problem;
