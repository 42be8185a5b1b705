package io.vitrine.orders.testing;

import io.vitrine.kernel.codes.ResidentIdNumber;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid ID numbers, so that each test has a buyer of its own in the shared, platform-wide ledger. */
public final class TestBuyers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private TestBuyers() {
    }

    public static ResidentIdNumber newBuyer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = String.format("110105%04d%02d%02d%03d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return ResidentIdNumber.parse(body + CHECK.charAt(sum % 11));
    }
}
