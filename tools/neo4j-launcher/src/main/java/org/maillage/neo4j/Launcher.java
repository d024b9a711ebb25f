package org.maillage.neo4j;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts Neo4j Community embedded with a Bolt connector.
 *
 * <p>Usage: {@code Launcher --data DIR --port PORT [--host 127.0.0.1] [--pagecache-mb 128]
 * [--exit-on-stdin-eof]}. Prints one line {@code NEO4J_READY bolt://host:port} when Bolt accepts
 * queries. Auth is disabled, so the connector refuses to listen on anything but loopback.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    String data = null;
    String host = "127.0.0.1";
    int port = 7687;
    long pageCacheMb = 128;
    boolean exitOnStdinEof = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--host" -> host = args[++i];
        case "--pagecache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
        case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
        default -> fail("unknown argument " + args[i]);
      }
    }
    if (data == null) {
      fail("--data DIR is required");
    }
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
      fail("auth is disabled: refusing to listen on non-loopback host " + host);
    }

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(Path.of(data))
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024L * 1024L)
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dbms.shutdown();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    db.executeTransactionally("RETURN 1");
    System.out.println("NEO4J_READY bolt://" + host + ":" + port);
    System.out.flush();

    if (exitOnStdinEof) {
      // The parent process holds our stdin: when it dies, we stop too (no orphan databases).
      Thread watcher =
          new Thread(
              () -> {
                try (InputStream in = System.in) {
                  while (in.read() != -1) {
                    // ignore input
                  }
                } catch (Exception ignored) {
                  // treat as EOF
                }
                System.exit(0);
              },
              "stdin-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  private static void fail(String message) {
    System.err.println("neo4j-launcher: " + message);
    System.exit(2);
  }
}
