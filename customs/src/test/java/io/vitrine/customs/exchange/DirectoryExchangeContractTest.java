package io.vitrine.customs.exchange;

import io.vitrine.customs.exchange.infra.DirectoryExchange;
import io.vitrine.customs.exchange.infra.DirectoryLayout;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The contract on the directory exchange: the other side is the send folder. */
class DirectoryExchangeContractTest extends ExchangeChannelContract {

    @TempDir
    Path root;
    private DirectoryExchange exchange;

    @BeforeEach
    void open() {
        exchange = new DirectoryExchange(DirectoryLayout.under(root), Duration.ofMinutes(10), LIMIT, ChinaTime.systemClock());
    }

    @Override
    ExchangeChannel channel() {
        return exchange;
    }

    @Override
    Map<String, byte[]> delivered() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(root.resolve("send"))) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
