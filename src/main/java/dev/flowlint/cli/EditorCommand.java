package dev.flowlint.cli;

import dev.flowlint.config.ConfigException;
import dev.flowlint.config.VsCodeSettings;
import dev.flowlint.io.AtomicFiles;
import dev.flowlint.io.PathText;
import dev.flowlint.schema.SchemaStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "editor",
    mixinStandardHelpOptions = true,
    description = "Sets up an editor to check payloads against the schemas while they are typed.",
    subcommands = {EditorCommand.VsCode.class})
final class EditorCommand implements java.util.concurrent.Callable<Integer> {
  private final Cli.Io io;

  EditorCommand(Cli.Io io) {
    this.io = io;
  }

  /** No editor named: a usage error (exit 2). */
  @Override
  public Integer call() {
    io.err().println("flowlint editor: name the editor, e.g. 'flowlint editor vscode'");
    return Cli.USAGE;
  }

  @Command(
      name = "vscode",
      mixinStandardHelpOptions = true,
      description = {
        "Writes (or merges into) .vscode/settings.json a json.schemas entry per 'payloads' mapping of flowlint.yaml: the files' glob and the flow's launch schema.",
        "VS Code then underlines a wrong input name or value while typing, with no extension. Other settings are kept."
      },
      footer = {"", "Exit codes: 0 written, 2 usage error (no config, unreadable settings.json)."})
  static final class VsCode implements Callable<Integer> {
    private final Cli.Io io;

    @Mixin ConfigOptions options;

    @Option(
        names = "--workspace",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "The VS Code workspace folder (default: the current directory).")
    String workspace;

    VsCode(Cli.Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      Optional<ConfigOptions.Loaded> loaded = options.load(io.err());
      if (loaded.isEmpty()) {
        return Cli.USAGE;
      }
      if (loaded.get().config().payloads().isEmpty()) {
        io.err()
            .println(
                "flowlint editor vscode: flowlint.yaml has no 'payloads' mappings to turn into json.schemas entries"
                    + " (pass --config FILE if it is elsewhere)");
        return Cli.USAGE;
      }
      Path root = Path.of(workspace).toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        // A mistyped folder would be made, .vscode and all, and the real workspace left as it was.
        io.err()
            .println(
                "flowlint editor vscode: the workspace "
                    + workspace
                    + " is not a directory; name the folder VS Code opens");
        return Cli.USAGE;
      }
      Path settings = root.resolve(".vscode").resolve("settings.json");
      try {
        SchemaStore store = SchemaStore.open(loaded.get().schemas(), loaded.get().schemasDisplay());
        String dir =
            PathText.slashed(
                root.relativize(loaded.get().schemas().toAbsolutePath().normalize()).toString());
        Optional<String> existing =
            Files.isRegularFile(settings)
                ? Optional.of(Files.readString(settings))
                : Optional.empty();
        VsCodeSettings.Result r =
            VsCodeSettings.merge(
                existing, loaded.get().config(), store.entries(), dir, loaded.get().schemas());
        Path settingsDir = settings.toAbsolutePath().getParent();
        if (settingsDir != null) {
          Files.createDirectories(settingsDir);
        }
        // Settings linked in from elsewhere (dotfiles): the file is replaced, the link kept.
        AtomicFiles.write(Files.exists(settings) ? settings.toRealPath() : settings, r.text());
        r.skipped().forEach(s -> io.err().println("skipped " + s));
        if (r.hadComments()) {
          io.err()
              .println(
                  "warning: the comments in .vscode/settings.json were not kept (JSON has no place for them)");
        }
        io.out()
            .println(
                "wrote "
                    + root.relativize(settings)
                    + ": "
                    + r.written()
                    + " flowlint json.schemas "
                    + (r.written() == 1 ? "entry" : "entries")
                    + ", "
                    + r.kept()
                    + " other "
                    + (r.kept() == 1 ? "entry" : "entries")
                    + " kept");
        return Cli.OK;
      } catch (SchemaStore.StoreException | ConfigException e) {
        io.err().println("flowlint editor vscode: " + e.getMessage());
        return Cli.USAGE;
      } catch (IOException e) {
        io.err()
            .println(
                "flowlint editor vscode: cannot write "
                    + settings
                    + ": "
                    + AtomicFiles.describe(e));
        return Cli.USAGE;
      }
    }
  }
}
