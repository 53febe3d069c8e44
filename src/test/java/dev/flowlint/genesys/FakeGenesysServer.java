package dev.flowlint.genesys;

import java.util.ArrayList;
import java.util.List;

/**
 * For bench/import-pull.sh: a stand-in Genesys Cloud with N workflows (default 1,000), each with an
 * inputs schema in the listing, served until the process is killed. Prints its base URL.
 */
public final class FakeGenesysServer {
  private FakeGenesysServer() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    FakeGenesys fake = new FakeGenesys();
    List<String> page = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("6f3c2a8e-1d4b-4c3e-9a7f-%012d", i);
      page.add(
          FakeGenesys.workflow(
              id,
              "Flow " + i,
              "1.0",
              "Flow.customer_id:string",
              "Flow.priority:integer",
              "Flow.tags:array"));
      if (page.size() == fake.pageSize) {
        fake.pages.add(page);
        page = new ArrayList<>();
      }
    }
    if (!page.isEmpty()) {
      fake.pages.add(page);
    }
    System.out.println(fake.base());
    System.out.flush();
    Thread.currentThread().join();
  }
}
