import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in-process with a Bolt connector, for machines without a Docker engine.
 *
 * <p>Started by scripts/neo4j.ts as {@code java -cp <maven classpath> Launcher.java}. Settings come from
 * environment variables so that the launcher and docker-compose.yml read the same names:
 * NEO4J_HOME_DIR (data folder), NEO4J_BOLT_HOST, NEO4J_BOLT_PORT, NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_PAGECACHE (e.g. 512m), NEO4J_TX_TIMEOUT (e.g. 60s), NEO4J_TX_MEMORY (heap one transaction may use,
 * 256m; 0 for no limit), NEO4J_TX_MEMORY_TOTAL (all transactions together, 640m), NEO4J_EXIT_ON_STDIN_EOF (1: stop
 * when the parent process goes away). docker-compose.yml sets the same limits.
 *
 * <p>Prints one line "BOLT READY host:port" when the DBMS accepts connections, and shuts the DBMS down
 * cleanly on SIGINT/SIGTERM so a second start on the same folder keeps its data.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path home = Path.of(env.getOrDefault("NEO4J_HOME_DIR", ".neo4j/data")).toAbsolutePath();
    String host = env.getOrDefault("NEO4J_BOLT_HOST", "127.0.0.1");
    int port = Integer.parseInt(env.getOrDefault("NEO4J_BOLT_PORT", "7687"));
    String user = env.getOrDefault("NEO4J_USER", "neo4j");
    String password = env.getOrDefault("NEO4J_PASSWORD", "cadre-graph");
    String pagecache = env.getOrDefault("NEO4J_PAGECACHE", "512m");
    // A query that collects or sorts too much fails with a memory error instead of taking the heap
    // (and every other transaction) with it.
    long txMemory = ByteUnit.parse(env.getOrDefault("NEO4J_TX_MEMORY", "256m"));
    long txMemoryTotal = ByteUnit.parse(env.getOrDefault("NEO4J_TX_MEMORY_TOTAL", "640m"));
    long txTimeoutSeconds = Long.parseLong(env.getOrDefault("NEO4J_TX_TIMEOUT", "0s").replace("s", ""));

    if (password.length() < 8) {
      fail("NEO4J_PASSWORD must have at least 8 characters (Neo4j's own rule).");
    }
    try {
      Files.createDirectories(home);
    } catch (Exception e) {
      fail("cannot create the data folder " + home + ": " + e.getMessage());
    }
    if (!Files.isWritable(home)) {
      fail("the data folder " + home + " is not writable.");
    }

    DatabaseManagementService dbms;
    try {
      DatabaseManagementServiceBuilder builder =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
              .setConfig(HttpConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, true)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
              .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory)
              .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemoryTotal);
      if (txTimeoutSeconds > 0) {
        builder.setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds));
      }
      dbms = builder.build();
    } catch (Exception e) {
      fail("Neo4j did not start: " + rootMessage(e));
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Neo4j stopping");
                  dbms.shutdown();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    try {
      setCredentials(dbms, user, password);
    } catch (Exception e) {
      fail("could not set the credentials for " + user + ": " + rootMessage(e));
    }

    if ("1".equals(env.get("NEO4J_EXIT_ON_STDIN_EOF"))) {
      // Started by a Node parent: when the parent dies, its end of our stdin closes; shut down then
      // rather than keep the port and the store lock as an orphan.
      Thread watchdog =
          new Thread(
              () -> {
                try {
                  while (System.in.read() != -1) {
                    // ignore input
                  }
                } catch (Exception ignored) {
                  // treat a broken pipe like EOF
                }
                System.exit(0);
              },
              "parent-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }

    System.out.println("BOLT READY " + host + ":" + port + " data=" + home);
    System.out.flush();
    stopped.await();
  }

  /**
   * Embedded Neo4j starts with the default user neo4j/neo4j (password change required). Apply the configured
   * credentials through the system database, the same result as NEO4J_AUTH in the Docker image.
   */
  private static void setCredentials(DatabaseManagementService dbms, String user, String password) {
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    Map<String, Object> params = Map.of("user", user, "password", password);
    system.executeTransactionally(
        "CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED", params);
    try {
      system.executeTransactionally("ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
    } catch (RuntimeException e) {
      // A restart on the same data: the password is already the configured one.
      if (!rootMessage(e).contains("cannot be the same")) {
        throw e;
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void fail(String message) {
    System.err.println("neo4j launcher: " + message);
    System.exit(2);
  }
}
