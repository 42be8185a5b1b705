package io.vitrine.customs.simulator;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpRoute;
import io.vitrine.customs.exchange.MessageHandoff;
import io.vitrine.customs.exchange.infra.DirectoryExchange;
import io.vitrine.customs.exchange.infra.DirectoryLayout;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.XmlDsigMessageSigner;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SimulatorMain} as a process of its own, answering a Vitrine that uses the directory exchange. */
class SimulatorProcessTest {

    private static final int LIMIT = 1 << 20;

    @Test
    void the_simulator_process_answers_an_order_dropped_into_the_shared_send_folder(@TempDir Path root) throws Exception {
        DirectoryLayout layout = DirectoryLayout.under(root.resolve("exchange"));
        Clock clock = ChinaTime.systemClock();
        DirectoryExchange exchange = new DirectoryExchange(layout, Duration.ofMinutes(10), LIMIT, clock);
        Path log = Files.createDirectories(Path.of("target")).resolve("simulator-process.log");
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                layout.send().toString(), layout.receive().toString(), root.resolve("simulator").toString(), "RELEASE",
                "PT0S", "PT0S").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String guid = new MessageHandoff(new XmlDsigMessageSigner(TestKeys.generate(SignatureAlgorithm.RSA_SHA1),
                    SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1, LIMIT), exchange, clock)
                    .handOff(DxpRoute.importFrom(SimulatorFixtures.SENDER),
                            SimulatorFixtures.orderXml(clock, SimulatorFixtures.order("VT20261130000200", "李四")))
                    .transInfo().copMsgId();

            List<DeclarationReceipt> receipts = new ArrayList<>();
            // a hang guard, not a timing assertion
            for (int i = 0; i < 600 && receipts.stream().noneMatch(r -> r.returnStatus() == 120); i++) {
                exchange.pickUp(10, m -> receipts.add((DeclarationReceipt) new CebReader()
                        .read(DxpEnvelope.payloadOf(m.content(), LIMIT)).body()));
                Thread.sleep(100);
            }

            assertThat(receipts).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120);
            assertThat(receipts).extracting(DeclarationReceipt::guid).containsOnly(guid);
        } finally {
            simulator.destroy();
            simulator.waitFor();
        }
    }
}
