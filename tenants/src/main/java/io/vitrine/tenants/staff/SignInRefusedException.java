package io.vitrine.tenants.staff;

/**
 * Sign-in refused (HTTP 401). The message never says whether the username exists, except for a
 * locked account, which only an attacker who already failed repeatedly learns about.
 */
public class SignInRefusedException extends RuntimeException {

    public SignInRefusedException(String message) {
        super(message);
    }

    static SignInRefusedException badCredentials() {
        return new SignInRefusedException("Invalid username or password.");
    }

    static SignInRefusedException locked() {
        return new SignInRefusedException("This account is temporarily locked after repeated failed sign-ins.");
    }
}
