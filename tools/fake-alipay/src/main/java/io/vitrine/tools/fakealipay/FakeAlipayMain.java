package io.vitrine.tools.fakealipay;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake gateway as its own process:
 * {@code java -cp <jars> io.vitrine.tools.fakealipay.FakeAlipayMain <data dir> [port]}.
 * Prints one line {@code fake-alipay listening <gateway url> <alipay public key>} once it accepts
 * calls; stops on SIGTERM. The ledger and the gateway key live in the data folder, so a restart
 * remembers the apps, trades and declarations.
 */
public final class FakeAlipayMain {

    private FakeAlipayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: FakeAlipayMain <data dir> [port]");
            System.exit(2);
        }
        FakeAlipay fake = FakeAlipay.builder()
                .dataDir(Path.of(args[0]))
                .port(args.length > 1 ? Integer.parseInt(args[1]) : 0)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }));
        System.out.println("fake-alipay listening " + fake.gatewayUrl() + " " + fake.alipayPublicKey());
        System.out.flush();
        stopped.await();
    }
}
