package io.vitrine.api.tenants.invitations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.tenants.staff.Invitations;
import io.vitrine.tenants.staff.StaffAccount;

/** Whoever holds a one-time invitation token sets up the invited account with it. */
@Controller("/api/v1/invitations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class InvitationsController {

    private final Invitations invitations;

    InvitationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** 201 with the new account; 404 unknown token, 409 used/expired token or taken username, 400 weak password. */
    @Post("/{token}/accept")
    @Idempotent
    @Status(HttpStatus.CREATED)
    AcceptedView accept(@PathVariable String token, @Body AcceptRequest request) {
        StaffAccount account = invitations.accept(token, request.username(), request.password());
        return new AcceptedView(account.username(), account.role().name(), account.tenantId());
    }

    @Serdeable
    record AcceptRequest(@Nullable String username, @Nullable String password) {
        @Override
        public String toString() {
            return "AcceptRequest[" + username + "]";
        }
    }

    @Serdeable
    record AcceptedView(String username, String role, @Nullable String tenant) {
    }
}
