/**
 * The exceptions the domain throws: {@link io.vitrine.kernel.error.InvalidInputException} (400),
 * {@link io.vitrine.kernel.error.NotFoundException} (404, also for other tenants' resources),
 * {@link io.vitrine.kernel.error.ConflictException} (409) and
 * {@link io.vitrine.kernel.error.BusinessRuleException} (422, with a stable code). HTTP-free; the
 * api module's one problem+json mapper turns them into responses.
 */
package io.vitrine.kernel.error;
