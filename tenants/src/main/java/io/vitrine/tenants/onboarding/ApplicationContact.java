package io.vitrine.tenants.onboarding;

/** The applicant's contact, decrypted for the reviewing park admin only. */
public record ApplicationContact(String name, String phone, String email) {

    @Override
    public String toString() {
        return "ApplicationContact[masked]";
    }
}
