package io.vitrine.api.console.staff;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.tenants.staff.StaffMember;

import java.util.List;

/** A staff member as the list shows it. */
public record StaffRow(String username, String role, String status, List<String> storeCodes, String lastLoginAt) {

    static StaffRow of(StaffMember member) {
        return new StaffRow(member.account().username(), member.account().role().name(),
                member.account().status().name(), member.storeCodes(), ChinaTimeText.of(member.account().lastLoginAt()));
    }
}
