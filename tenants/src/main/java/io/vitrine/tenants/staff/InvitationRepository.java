package io.vitrine.tenants.staff;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

/** Invitations (platform-wide, found by token hash); implemented in {@code infra}. */
public interface InvitationRepository extends CrudRepository<Invitation, String> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /**
     * Marks it used only if it still is not: 1 when this call won, 0 when another acceptance did.
     * (Parameters named after the properties bind through their converters.)
     */
    @Query("UPDATE invitations SET used_at = :usedAt, used_by = :usedBy WHERE id = :id AND used_at IS NULL")
    int markUsed(String id, Instant usedAt, String usedBy);
}
