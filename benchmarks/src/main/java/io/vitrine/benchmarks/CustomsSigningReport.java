package io.vitrine.benchmarks;

import org.openjdk.jmh.results.RunResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/** The customs-signing suite's tables: one per algorithm, each against its bare JCA signature. */
final class CustomsSigningReport {

    private CustomsSigningReport() {
    }

    static String of(Collection<RunResult> results, String machine) {
        return "# CEB message signing: throughput per algorithm\n\n"
                + "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by `./vitrine bench customs-signing`: "
                + "JMH 1.37, 1 fork, 1 thread, 3 warmup + 5 measurement iterations; each iteration is one batch of "
                + "operations timed as a whole (ops/s = batch size / batch time).\n\n"
                + machine + ".\n\n"
                + "Data: one unsigned CEB311 of " + CustomsMessages.ORDER.length + " bytes (order head, 3 lines, "
                + "BaseTransfer); RSA 2048-bit key (JDK provider), SM2 key on sm2p256v1 (BouncyCastle). "
                + "\"sign\" = parse, digest of the canonical document, canonical SignedInfo, signature, serialise; "
                + "\"verify\" = parse, strict shape checks, both canonical forms, digest and signature check.\n\n"
                + "## RSA-SHA1\n\n"
                + table(results, "rsa", "SHA1withRSA") + "\n"
                + "## SM2-SM3\n\n"
                + table(results, "sm2", "SM3withSM2")
                + "\n\"cost in floor operations\": how many bare signatures of a SignedInfo-sized input one operation costs, "
                + "median over median.\n";
    }

    private static String table(Collection<RunResult> results, String prefix, String jca) {
        ResultTable.Row floor = row(results, prefix + "BareSignature", "`" + jca + "` over a SignedInfo-sized input, nothing else");
        return new ResultTable(floor, List.of(
                row(results, prefix + "SignSha1Digest", "sign a CEB311, SHA-1 document digest"),
                row(results, prefix + "SignSm3Digest", "sign a CEB311, SM3 document digest"),
                row(results, prefix + "Verify", "verify a signed CEB311"))).markdown();
    }

    private static ResultTable.Row row(Collection<RunResult> results, String method, String operation) {
        RunResult result = results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(method + " did not run (see JMH's output above)"));
        return Benchmarks.row(result, method, operation);
    }
}
