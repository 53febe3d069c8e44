package dev.flowlint.cli;

import dev.flowlint.schema.SchemaStore.StoreException;
import dev.flowlint.serve.Browser;
import dev.flowlint.serve.FlowServer;
import dev.flowlint.serve.ServeSettings;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a local page to paste a payload into and see its diagnosis (the same findings and fixes as check), and the JSON API behind it.",
      "Listens on 127.0.0.1 only unless --host says otherwise; reads schemas/ again when it changes; never writes a file. Ctrl-C stops it."
    },
    footer = {
      "",
      "API: GET /api/flows, GET /api/skeleton?flow=NAME, POST /api/check, GET /healthz (see docs/serve.md)."
    })
final class ServeCommand implements Callable<Integer> {
  private final Cli.Io io;

  @Mixin ConfigOptions common;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + ServeSettings.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = ServeSettings.DEFAULT_HOST,
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}). Anything but a loopback address lets other machines in.")
  String host;

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      defaultValue = "" + ServeSettings.DEFAULT_MAX_BODY,
      description = "Largest request body accepted (default: ${DEFAULT-VALUE}, 1 MiB).")
  long maxBody;

  @Option(names = "--open", description = "Open the page in the default browser.")
  boolean open;

  ServeCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      return usage("--port must be 0 to 65535, not " + port);
    }
    if (maxBody < 1) {
      return usage("--max-body must be at least 1 byte, not " + maxBody);
    }
    Optional<ConfigOptions.Loaded> loaded = common.load(io.err());
    if (loaded.isEmpty()) {
      return Cli.USAGE;
    }
    ServeSettings settings =
        new ServeSettings(
            host,
            port,
            maxBody,
            loaded.get().schemas(),
            loaded.get().schemasDisplay(),
            loaded.get().config(),
            Cli.version());
    FlowServer server;
    try {
      server = FlowServer.start(settings, io.err());
    } catch (StoreException | FlowServer.BindFailure e) {
      return usage(e.getMessage());
    }
    if (!server.loopback()) {
      io.err()
          .println(
              "flowlint serve: warning: listening on "
                  + host
                  + ", which other machines may reach; "
                  + "anyone who can reach it can read your flows' inputs. Use the default --host 127.0.0.1 unless you mean it.");
    }
    io.out()
        .println(
            "flowlint serve: "
                + server.url()
                + "  ("
                + server.flows()
                + " flows from "
                + loaded.get().schemasDisplay()
                + "; Ctrl-C stops it)");
    io.out().flush();
    if (open && !Browser.open(server.url())) {
      io.err()
          .println(
              "flowlint serve: cannot open a browser here; open " + server.url() + " yourself");
    }
    Thread stopper =
        new Thread(
            () -> {
              server.close();
              io.err().println("flowlint serve: stopped");
              io.err().flush();
            },
            "flowlint-serve-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      server.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // an embedding caller stopping us: stop as Ctrl-C would
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and says "stopped"
      }
    }
    return Cli.OK;
  }

  private int usage(String message) {
    io.err().println("flowlint serve: " + message);
    return Cli.USAGE;
  }
}
