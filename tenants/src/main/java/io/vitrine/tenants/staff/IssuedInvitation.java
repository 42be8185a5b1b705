package io.vitrine.tenants.staff;

/** An invitation just issued, with its token: shown this once, never stored in clear. */
public record IssuedInvitation(Invitation invitation, String token) {

    @Override
    public String toString() {
        return "IssuedInvitation[" + invitation.id() + "]";
    }
}
