package io.vitrine.tenants.staff;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.security.SecureRandom;

/**
 * Staff passwords: OpenBSD bcrypt ({@code $2y$}) from BouncyCastle, cost
 * {@code vitrine.auth.bcrypt-cost} (default 12, about a quarter of a second here). The cost is kept in
 * each hash, so raising it applies to new passwords while old ones still verify.
 */
@Singleton
public class PasswordHashing {

    private final SecureRandom random = new SecureRandom();
    private final int cost;
    /** Checked against when the username is unknown, so a miss costs as much time as a wrong password. */
    private final String decoy;

    public PasswordHashing(@Value("${vitrine.auth.bcrypt-cost:12}") int cost) {
        if (cost < 10 || cost > 16) {
            throw new IllegalArgumentException("vitrine.auth.bcrypt-cost must be between 10 and 16");
        }
        this.cost = cost;
        this.decoy = hash("decoy password for unknown usernames");
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, cost);
    }

    public boolean matches(String password, String hash) {
        if (!isWellFormed(password)) {
            // bcrypt hashes UTF-8 bytes: an unpaired surrogate has none (BouncyCastle would throw), and no stored
            // password has one (PasswordPolicy): it is simply wrong, at the same cost
            checkPassword(hash, "");
            return false;
        }
        return checkPassword(hash, password);
    }

    /** True unless the text holds an unpaired UTF-16 surrogate (not text: it has no UTF-8 form). */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean checkPassword(String hash, String password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException malformed) {
            return false;
        }
    }

    /** Spends the time of one check on nothing: sign-in of an unknown username. */
    public void checkDecoy(String password) {
        matches(password, decoy);
    }
}
