package io.vitrine.customs.simulator;

import io.vitrine.customs.messages.MessageRules;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.kernel.time.ChinaTime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The simulator as its own process, next to a Vitrine using {@code vitrine.customs.exchange.channel: directory}:
 * <pre>java -cp … io.vitrine.customs.simulator.SimulatorMain &lt;send-dir&gt; &lt;receive-dir&gt; &lt;data-dir&gt;
 *     [scenario] [first-answer-delay] [answer-interval]</pre>
 * e.g. {@code data/exchange/send data/exchange/receive data/simulator RELEASE PT1S PT1S}. Polls every second until
 * stopped; the ledger in {@code data-dir} makes a restart answer nothing twice.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: SimulatorMain <send-dir> <receive-dir> <data-dir> [RELEASE|REJECT|INSPECT|DETAIN|"
                    + "FORMAT_ERROR] [first-answer-delay, e.g. PT1S] [answer-interval, e.g. PT1S]");
            System.exit(2);
        }
        SimulatorSettings defaults = SimulatorSettings.embedded();
        SimulatorSettings settings = new SimulatorSettings(
                args.length > 4 ? Duration.parse(args[4]) : defaults.firstAnswerDelay(),
                args.length > 5 ? Duration.parse(args[5]) : defaults.answerInterval(),
                args.length > 3 ? Scenario.valueOf(args[3]) : defaults.defaultScenario(),
                defaults.maxMessageBytes());
        Clock clock = ChinaTime.systemClock();
        SingleWindowSimulator simulator = new SingleWindowSimulator(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                new Examination(new XmlDsigSignatureVerifier(settings.maxMessageBytes()), new MessageRules(clock),
                        settings, clock), settings, clock);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("single-window simulator: watching " + args[0] + ", answering into " + args[1]);
        while (true) {
            simulator.tick();
            Thread.sleep(1000);
        }
    }
}
