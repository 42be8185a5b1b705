package io.vitrine.api.tenants.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.staff.Invitation;
import io.vitrine.tenants.staff.IssuedInvitation;
import io.vitrine.tenants.staff.StaffAccountControl;
import io.vitrine.tenants.staff.StaffForm;
import io.vitrine.tenants.staff.StaffManagement;
import io.vitrine.tenants.staff.StaffMember;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A tenant's staff (api.md): an admin adds a member {@code {username, role, storeCodes}} and gets the
 * one-time invitation token to hand over; the member sets the password by accepting it. An admin
 * disables a member (no more sign-in, every token dead at once) and enables them again; a platform admin
 * does the same for park admins. Another tenant's username answers 404.
 */
@Controller("/api/v1/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN"})
class StaffController {

    private final StaffManagement staff;
    private final StaffAccountControl control;

    StaffController(StaffManagement staff, StaffAccountControl control) {
        this.staff = staff;
        this.control = control;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Idempotent
    InvitedView invite(@Body StaffRequest request, Authentication caller) {
        IssuedInvitation issued = staff.invite(StaffClaims.actorOf(caller),
                new StaffForm(request.username(), request.role(), request.storeCodes()));
        Invitation invitation = issued.invitation();
        return new InvitedView(invitation.username(), invitation.role().name(), invitation.storeCodeList(),
                issued.token(), invitation.expiresAt().atZone(ChinaTime.ZONE).toOffsetDateTime());
    }

    @Get
    Listing<StaffView> list() {
        return Listing.of(staff.list().stream().map(StaffView::of).toList());
    }

    /** 200 with the member, now DISABLED; 404 not yours to manage; 422 CANNOT_DISABLE_SELF. */
    @Post("/{username}/disable")
    @Secured({"RETAILER_ADMIN", "PARK_ADMIN", "PLATFORM_ADMIN"})
    StaffView disable(@PathVariable String username, Authentication caller) {
        return StaffView.of(control.disable(StaffClaims.actorOf(caller), username));
    }

    /** 200 with the member, ACTIVE again: it may sign in; its tokens from before stay dead. */
    @Post("/{username}/enable")
    @Secured({"RETAILER_ADMIN", "PARK_ADMIN", "PLATFORM_ADMIN"})
    StaffView enable(@PathVariable String username, Authentication caller) {
        return StaffView.of(control.enable(StaffClaims.actorOf(caller), username));
    }

    @Serdeable
    record StaffRequest(@Nullable String username, @Nullable String role, @Nullable List<String> storeCodes) {
    }

    @Serdeable
    record InvitedView(String username, String role, List<String> storeCodes, String invitationToken,
                       OffsetDateTime invitationExpiresAt) {
    }

    @Serdeable
    record StaffView(String username, String role, String status, List<String> storeCodes,
                     @Nullable OffsetDateTime lastLoginAt) {
        static StaffView of(StaffMember member) {
            return new StaffView(member.account().username(), member.account().role().name(),
                    member.account().status().name(), member.storeCodes(),
                    member.account().lastLoginAt() == null ? null
                            : member.account().lastLoginAt().atZone(ChinaTime.ZONE).toOffsetDateTime());
        }
    }
}
