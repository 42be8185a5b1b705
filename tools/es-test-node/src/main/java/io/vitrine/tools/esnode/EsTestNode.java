package io.vitrine.tools.esnode;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Runs one real Elasticsearch 8.19 node from its Maven Central jars, for tests only (testing.md).
 *
 * <p>Usage: {@code EsTestNode <home> <plugin-jars-dir> <http-port-or-range>}. Started by
 * {@code es-node.sh} in its own JVM with the server jars on the module path. The node is a
 * single-node cluster bound to 127.0.0.1; it writes {@code <home>/logs/http.ports} once HTTP is
 * bound (so a port range works without racing for a free port) and closes cleanly on SIGTERM.
 */
public final class EsTestNode {

    private static final String NETTY_MODULE = "transport-netty4";

    private EsTestNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EsTestNode <home> <plugin-jars-dir> <http-port-or-range>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path pluginJars = Path.of(args[1]).toAbsolutePath();
        String httpPort = args[2];

        layOutHome(home, pluginJars);
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "vitrine-test")
                .put("node.name", "vitrine-test-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", "0")
                // test machines are shared and often nearly full: never block writes on disk space
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // writes logs/http.ports, the only reliable way to learn which port of a range was bound
                .put("node.portsfile", true)
                .build();

        // the ES logging facade must know its Log4j provider before any settings are parsed
        LogConfigurator.configureESLogging();
        LogConfigurator.registerErrorListener();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), home.resolve("config"), () -> "vitrine-test-node");
        LogConfigurator.configure(environment, true);

        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(home.resolve("modules")), Set.of(), Map.of());
        Node node = new Node(environment, plugins);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "es-test-node-shutdown"));
        node.start();
        // Elasticsearch's own threads are daemons: keep the JVM alive until we are told to stop.
        closed.await();
    }

    /**
     * The home folder a distribution would have: config/ with a console logging setup, and
     * modules/transport-netty4/ with the module's jars and the descriptor that sits inside its jar.
     */
    private static void layOutHome(Path home, Path pluginJars) throws IOException {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Path log4j = config.resolve("log4j2.properties");
        if (Files.notExists(log4j)) {
            Files.writeString(log4j, String.join("\n",
                    "status = error",
                    "appender.console.type = Console",
                    "appender.console.name = console",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n",
                    "rootLogger.level = info",
                    "rootLogger.appenderRef.console.ref = console",
                    ""));
        }

        Path module = Files.createDirectories(home.resolve("modules").resolve(NETTY_MODULE));
        Path nettyJar = null;
        try (Stream<Path> jars = Files.list(pluginJars)) {
            for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                Files.copy(jar, module.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                if (jar.getFileName().toString().startsWith(NETTY_MODULE + "-")) {
                    nettyJar = jar;
                }
            }
        }
        if (nettyJar == null) {
            throw new IllegalStateException("no " + NETTY_MODULE + " jar in " + pluginJars);
        }
        String descriptor = "META-INF/es-plugins/" + NETTY_MODULE + "/plugin-descriptor.properties";
        try (JarFile jar = new JarFile(nettyJar.toFile())) {
            var entry = jar.getJarEntry(descriptor);
            if (entry == null) {
                throw new IllegalStateException(nettyJar + " has no " + descriptor);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, module.resolve("plugin-descriptor.properties"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
