package io.vitrine.tenants.onboarding;

/** The answer to an application: its id and the applicant's token, shown this once. */
public record SubmittedApplication(String applicationId, String applicationToken, ApplicationStatus status) {

    @Override
    public String toString() {
        return "SubmittedApplication[" + applicationId + ", " + status + "]";
    }
}
