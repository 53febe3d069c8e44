package dev.flowlint.cli;

/** The process entry point: everything else is in {@link Cli}, which never calls System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(System.in, System.out, System.err, args));
  }
}
