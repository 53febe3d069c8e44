package dev.flowlint.cli;

import dev.flowlint.check.FileKinds;
import dev.flowlint.check.PayloadFiles;
import dev.flowlint.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    description = "Git hook helpers.",
    subcommands = {HookCommand.Install.class})
final class HookCommand implements java.util.concurrent.Callable<Integer> {
  static final String MARKER = "# flowlint pre-commit hook";

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** No subcommand given: a usage error (exit 2). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Cli.USAGE;
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the repository's pre-commit hook (where git looks for hooks: core.hooksPath, or the hooks directory shared by all worktrees), which checks the staged content of payloads, payload templates and flows (their call sites) before each commit.",
        "It refuses to replace a hook it did not write unless --force (the old hook is then kept as pre-commit.before-flowlint)."
      })
  static final class Install implements Callable<Integer> {
    private final Cli.Io io;

    @Option(
        names = "--force",
        description = "Replace a pre-commit hook that flowlint did not write.")
    boolean force;

    @Option(
        names = "--repo",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "The repository (default: the current directory).")
    String repo;

    Install(Cli.Io io) {
      this.io = io;
    }

    @Override
    public Integer call() throws IOException {
      Path dir = Path.of(repo).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        io.err().println("flowlint hook install: " + repo + " is not a directory");
        return Cli.USAGE;
      }
      Optional<Path> hooks;
      try {
        hooks = hooksDir(dir);
      } catch (IOException e) {
        io.err()
            .println(
                "flowlint hook install: cannot run git ("
                    + e.getMessage()
                    + "); install git, or write the hook yourself (docs/ci.md)");
        return Cli.USAGE;
      }
      if (hooks.isEmpty()) {
        io.err().println("flowlint hook install: " + repo + " is not inside a git repository");
        return Cli.USAGE;
      }
      Files.createDirectories(hooks.get());
      Path hook = hooks.get().resolve("pre-commit");
      if (Files.exists(hook) && !Files.readString(hook).contains(MARKER)) {
        if (!force) {
          io.err()
              .println(
                  "flowlint hook install: "
                      + hook
                      + " exists and was not written by flowlint; "
                      + "rerun with --force to replace it (it will be kept as pre-commit.before-flowlint)");
          return Cli.USAGE;
        }
        Files.copy(
            hook,
            hook.resolveSibling("pre-commit.before-flowlint"),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
      }
      AtomicFiles.write(hook, script());
      Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
      io.out()
          .println(
              "installed "
                  + hook
                  + ": staged payloads and flows are checked before each commit (skip once with git commit --no-verify)");
      return Cli.OK;
    }

    private static String script() {
      String launcher =
          Optional.ofNullable(System.getProperty("flowlint.launcher")).orElse("flowlint");
      String suffixes =
          PayloadFiles.DEFAULT_SUFFIXES.stream()
              .map(s -> "':(icase)*" + s + "'")
              .collect(Collectors.joining(" "));
      return "#!/usr/bin/env bash\n"
          + MARKER
          + ": written by 'flowlint hook install'; 'flowlint hook install --force' rewrites it.\n"
          + "# Checks the staged payloads, payload templates and flows; findings stop the commit (git commit --no-verify skips it).\n"
          + "set -euo pipefail\n"
          // Single-quoted: a launcher path with $, ` or " in it stays a path.
          + "default_flowlint='"
          + launcher.replace("'", "'\\''")
          + "'\n"
          + "flowlint=\"${FLOWLINT:-$default_flowlint}\"\n"
          + "cd \"$(git rev-parse --show-toplevel)\"\n"
          + "files=()\n"
          + "while IFS= read -r -d '' f; do files+=(\"$f\"); done < <(git diff --cached --name-only --diff-filter=ACMR -z -- \\\n"
          + "  "
          + suffixes
          + " ':(exclude,icase)*.schema.json' ':(exclude)schemas/index.json')\n"
          + "# Flows (Archy YAML, Terraform templates, Architect exports): their call sites are checked.\n"
          + "flow_name='"
          + FileKinds.FLOW_NAME_ERE
          + "'\n"
          + "while IFS= read -r -d '' f; do if [[ $f =~ $flow_name ]]; then files+=(\"$f\"); fi; done < <(git diff --cached --name-only --diff-filter=ACMR -z -- \\\n"
          + "  ':(icase)*.yaml' ':(icase)*.yml' ':(icase)*.tftpl' ':(icase)*.i3*')\n"
          + "[ ${#files[@]} -eq 0 ] && exit 0\n"
          + "# --staged: check what is being committed, not the working tree; --: every name is a file, even \"--output=x\".\n"
          + "exec \"$flowlint\" check --staged -- \"${files[@]}\"\n";
    }

    /**
     * Where git runs hooks for the repository containing {@code dir}, as git itself says: this
     * honours core.hooksPath (husky and the like) and linked worktrees, whose hooks live in the
     * main repository. Empty when {@code dir} is not in a repository.
     */
    static Optional<Path> hooksDir(Path dir) throws IOException {
      return dev.flowlint.source.GitIndex.revParse(dir, "--git-path", "hooks")
          .map(out -> dir.resolve(out).normalize());
    }
  }
}
