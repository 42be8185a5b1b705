package io.vitrine.tenants.stores.provisioning;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;

/**
 * Who uploaded an import file, kept in the job's parameters so the stores and devices the job creates
 * are audited as theirs (the product import keeps it the same way): {@code staff=<id>;user=<username>;role=<ROLE>}.
 */
public record UploadedBy(String staffId, String username, StaffRole role) {

    public static UploadedBy of(Actor actor) {
        if (actor.role() == null || actor.name() == null) {
            throw new IllegalArgumentException("an import is uploaded by a staff member");
        }
        return new UploadedBy(actor.id(), actor.name(), actor.role());
    }

    public String parameters() {
        return "staff=" + staffId + ";user=" + username + ";role=" + role.name();
    }

    public static UploadedBy parse(String parameters) {
        String staffId = null;
        String username = null;
        StaffRole role = null;
        for (String pair : parameters.split(";")) {
            String[] kv = pair.split("=", 2);
            switch (kv[0]) {
                case "staff" -> staffId = kv[1];
                case "user" -> username = kv[1];
                case "role" -> role = StaffRole.valueOf(kv[1]);
                default -> throw new IllegalArgumentException("unknown store import parameter " + kv[0]);
            }
        }
        if (staffId == null || username == null || role == null) {
            throw new IllegalArgumentException("store import parameters name the staff member, username and role");
        }
        return new UploadedBy(staffId, username, role);
    }

    public Actor actor(TenantId tenant) {
        return Actor.staff(staffId, username, role, tenant);
    }
}
