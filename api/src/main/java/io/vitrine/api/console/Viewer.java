package io.vitrine.api.console;

import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.security.StaffClaims;

/**
 * Who is signed in, as the console's frame shows it (name, role and the navigation of that role). Built
 * from the staff JWT alone, without a lookup, so that even an error page has it.
 */
public record Viewer(String username, String role) {

    public static Viewer of(Authentication caller) {
        return new Viewer(caller.getName(), StaffClaims.actorOf(caller).role().name());
    }
}
