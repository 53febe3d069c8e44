package dev.flowlint.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pages of up to 8 MiB, up to 1,000 of them: a pull whose answers add up past a total stops with a
 * message rather than running out of memory with a stack trace (hostile pass).
 */
@Timeout(60) // a guard against hangs, not a performance assertion
class PullTotalTest {
  private static GenesysClient client(FakeGenesys fake) {
    return new GenesysClient(
        fake.base(),
        fake.base(),
        new Credentials(FakeGenesys.CLIENT_ID, FakeGenesys.SECRET),
        RetryPolicy.standard(Duration.ofSeconds(5), millis -> {}),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Clock.systemUTC(),
        line -> {});
  }

  @Test
  void answersPastTheTotalStopThePull() throws Exception {
    try (FakeGenesys fake = new FakeGenesys()) {
      fake.pageSize = 2;
      List<String> flows = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        flows.add(
            FakeGenesys.workflow(
                String.format("6f3c2a8e-1d4b-4c3e-9a7f-%012d", i),
                "Flow " + i,
                "1.0",
                "Flow.a:string"));
      }
      fake.pages.add(flows);
      assertEquals(10, client(fake).divisionViews(List.of()).size(), "under the total: all of it");
      GenesysException e =
          assertThrows(
              GenesysException.class,
              () -> client(fake).limitTotal(3_000).divisionViews(List.of()));
      assertTrue(e.getMessage().contains("add up to more than"), e.getMessage());
    }
  }
}
