package dev.flowlint.cli;

import dev.flowlint.genesys.Credentials;
import dev.flowlint.genesys.FlowPuller;
import dev.flowlint.genesys.GenesysClient;
import dev.flowlint.genesys.GenesysException;
import dev.flowlint.genesys.Region;
import dev.flowlint.genesys.RetryPolicy;
import dev.flowlint.io.SafeText;
import dev.flowlint.schema.ImportResult;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaDrift;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches flow input schemas from Genesys Cloud (GET /api/v2/flows/divisionviews?includeSchemas=true) and writes them as import does.",
      "Credentials come from GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (client credentials grant); the region from --region or GENESYSCLOUD_REGION.",
      "The OAuth client needs architect:flow:search (and architect:flow:view for flows whose listing has no schema)."
    },
    footer = {
      "",
      "Exit codes: 0 written (or, with --check, no drift), 1 drift with --check, 2 usage error or failure (schemas left as they were)."
    })
final class PullCommand implements Callable<Integer> {
  private final Cli.Io io;

  @picocli.CommandLine.Mixin OutputOptions output;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "Genesys Cloud region, e.g. us-east-1, eu-west-1 (default: GENESYSCLOUD_REGION).")
  String region;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description = "Flow types to pull, e.g. workflow,commonmodule (default: all).")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "GLOB",
      description = "Only flows whose name matches (* and ?, case ignored).")
  String name;

  @Option(names = "--id", paramLabel = "ID", description = "Only these flow ids (repeatable).")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--check",
      description = "Compare the org with the schemas directory and report drift; write nothing.")
  boolean check;

  @Option(
      names = "--api-base",
      paramLabel = "URL",
      description = "API base URL instead of https://api.DOMAIN (proxies, tests).")
  String apiBase;

  @Option(
      names = "--login-base",
      paramLabel = "URL",
      description = "Login base URL instead of https://login.DOMAIN.")
  String loginBase;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Connect and read timeout per request (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(
      names = "--max-wait",
      paramLabel = "SECONDS",
      defaultValue = "180",
      description = "Longest total wait for rate limits and retries (default: ${DEFAULT-VALUE}).")
  int maxWait;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log each request (method, path, status) to standard error; never credentials.")
  boolean verbose;

  PullCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    // Zero is no time to answer in (and HttpClient refuses it with an exception).
    if (timeout < 1) {
      return usage("--timeout must be at least 1 second, not " + timeout);
    }
    if (maxWait < 1) {
      return usage("--max-wait must be at least 1 second, not " + maxWait);
    }
    String id = io.env().getOrDefault("GENESYSCLOUD_OAUTHCLIENT_ID", "");
    String secret = io.env().getOrDefault("GENESYSCLOUD_OAUTHCLIENT_SECRET", "");
    if (id.isBlank() || secret.isBlank()) {
      return usage(
          "set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET to an OAuth client (client credentials grant)");
    }
    String regionName = region != null ? region : io.env().getOrDefault("GENESYSCLOUD_REGION", "");
    Optional<String> domain = regionName.isBlank() ? Optional.empty() : Region.domain(regionName);
    if (!regionName.isBlank() && domain.isEmpty()) {
      return usage(
          "unknown region \""
              + regionName
              + "\"; valid regions: "
              + String.join(", ", Region.DOMAINS.keySet()));
    }
    if (domain.isEmpty() && (apiBase == null || loginBase == null)) {
      return usage(
          "no region: pass --region or set GENESYSCLOUD_REGION (valid: "
              + String.join(", ", Region.DOMAINS.keySet())
              + ")");
    }
    Optional<ConfigOptions.Loaded> loaded = output.load(io.err());
    if (loaded.isEmpty()) {
      return Cli.USAGE;
    }
    RequiredPolicy policy = loaded.get().config().required().orElse(RequiredPolicy.NO_DEFAULT);
    Consumer<String> log =
        verbose ? line -> io.err().println("flowlint pull: " + line) : line -> {};
    String api = apiBase != null ? apiBase : "https://api." + domain.get();
    String login = loginBase != null ? loginBase : "https://login." + domain.get();
    for (String[] base : new String[][] {{"--api-base", api}, {"--login-base", login}}) {
      Optional<String> unsafe = GenesysClient.unsafeBase(base[1], base[0]);
      if (unsafe.isPresent()) {
        return usage(unsafe.get());
      }
    }
    RetryPolicy retry = RetryPolicy.standard(Duration.ofSeconds(maxWait), io.sleeper());
    GenesysClient client =
        new GenesysClient(
            login,
            api,
            new Credentials(id, secret),
            retry,
            Duration.ofSeconds(timeout),
            Duration.ofSeconds(timeout),
            Clock.systemUTC(),
            log);
    List<String> wanted =
        types.stream()
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .filter(t -> !t.isEmpty())
            .toList();
    FlowPuller.Filters filters = new FlowPuller.Filters(wanted, Optional.ofNullable(name), ids);
    String sourceName =
        "Genesys Cloud API (" + domain.orElse(java.net.URI.create(api).getHost()) + ")";
    FlowPuller.Pulled pulled;
    try {
      pulled = new FlowPuller(client, sourceName).pull(filters);
    } catch (GenesysException e) {
      io.err()
          .println(
              "flowlint pull: "
                  + e.getMessage()
                  + (check ? "" : "; " + loaded.get().schemasDisplay() + " was left as it was"));
      return Cli.USAGE;
    }
    pulled.notes().forEach(n -> io.err().println("warning: " + SafeText.escape(n)));
    return check
        ? drift(pulled, loaded.get(), policy, filters, sourceName)
        : write(pulled, loaded.get(), policy, filters, sourceName);
  }

  /**
   * Whether a schema was written by a pull from this org and its flow has left it: only a pull of
   * the whole org (no --name, no --id) can tell, and only for the types it asked for.
   */
  private static boolean leftTheOrg(
      String source, String flowType, FlowPuller.Filters filters, String sourceName) {
    boolean wholeOrg = filters.ids().isEmpty() && filters.nameGlob().isEmpty();
    boolean ours = source.equals(sourceName) || source.startsWith(sourceName + ", ");
    return wholeOrg && ours && (filters.types().isEmpty() || filters.types().contains(flowType));
  }

  private int write(
      FlowPuller.Pulled pulled,
      ConfigOptions.Loaded loaded,
      RequiredPolicy policy,
      FlowPuller.Filters filters,
      String sourceName) {
    ImportResult result;
    List<String> removed;
    try {
      SchemaImporter importer = new SchemaImporter(policy, loaded.config().constraints());
      result = importer.write(loaded.schemas(), loaded.schemasDisplay(), pulled.flows(), List.of());
      java.util.Set<String> inOrg = new java.util.HashSet<>();
      pulled.flows().forEach(f -> inOrg.add(f.name()));
      removed =
          Files.isDirectory(loaded.schemas())
              ? importer.removeGone(
                  loaded.schemas(),
                  s ->
                      leftTheOrg(
                          s.path("x-flowlint").path("source").asString(""),
                          s.path("x-flowlint").path("flowType").asString(""),
                          filters,
                          sourceName),
                  inOrg)
              : List.of();
    } catch (IOException e) {
      io.err()
          .println(
              "flowlint pull: cannot write "
                  + loaded.schemasDisplay()
                  + ": "
                  + dev.flowlint.io.AtomicFiles.describe(e)
                  + "; nothing was changed");
      return Cli.USAGE;
    }
    io.err().print(result.problemsText());
    io.out().print(result.summary());
    // Flow names come from the org: escaped, never raw (terminal escapes, newlines).
    removed.forEach(
        name -> io.out().println("removed " + SafeText.escape(name) + ": no longer in the org"));
    return Cli.OK;
  }

  private int drift(
      FlowPuller.Pulled pulled,
      ConfigOptions.Loaded loaded,
      RequiredPolicy policy,
      FlowPuller.Filters filters,
      String sourceName) {
    SchemaWriter writer = new SchemaWriter(policy);
    List<JsonNode> fresh = pulled.flows().stream().map(f -> (JsonNode) writer.schema(f)).toList();
    List<String> changes;
    try {
      Optional<SchemaStore> existing =
          Files.isDirectory(loaded.schemas())
              ? Optional.of(SchemaStore.open(loaded.schemas(), loaded.schemasDisplay()))
              : Optional.empty();
      changes =
          SchemaDrift.compare(
              existing,
              fresh,
              filters.ids().isEmpty() && filters.nameGlob().isEmpty(),
              new LinkedHashSet<>(filters.types()),
              e -> {
                try {
                  return leftTheOrg(existing.get().source(e), e.flowType(), filters, sourceName);
                } catch (SchemaStore.StoreException unreadable) {
                  return true;
                }
              });
    } catch (SchemaStore.StoreException e) {
      io.err().println("flowlint pull --check: " + e.getMessage());
      return Cli.USAGE;
    }
    if (changes.isEmpty()) {
      io.out()
          .println(
              "no drift: "
                  + fresh.size()
                  + (fresh.size() == 1 ? " flow" : " flows")
                  + " in the org match "
                  + loaded.schemasDisplay());
      return Cli.OK;
    }
    changes.forEach(c -> io.out().println(SafeText.escape(c)));
    io.out()
        .println(
            "drift: "
                + changes.size()
                + (changes.size() == 1 ? " change" : " changes")
                + " between the org and "
                + loaded.schemasDisplay()
                + "; run 'flowlint pull' to update it");
    return Cli.FINDINGS;
  }

  private int usage(String message) {
    io.err().println("flowlint pull: " + message);
    return Cli.USAGE;
  }
}
