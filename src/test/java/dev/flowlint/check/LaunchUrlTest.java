package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.Properties;
import dev.flowlint.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data action that posts to the launch API has its body checked, however the URL is written. */
class LaunchUrlTest {
  @TempDir Path tmp;

  @Test
  void theLaunchPathWithAnyHostSlashQueryOrCaseIsTheLaunchApi() {
    Properties.forAll(
        "launch URLs",
        2000,
        LaunchUrlTest::launchUrl,
        url -> assertTrue(LaunchUrl.isLaunch(url), url));
  }

  @Test
  void otherPathsAreNot() {
    for (String url :
        List.of(
            "/api/v2/flows/executions/abc",
            "/api/v2/flows/executions/${input.id}",
            "/api/v2/flows",
            "/api/v2/flows/executionsx",
            "/api/v2/conversations/calls",
            "",
            "/")) {
      assertFalse(LaunchUrl.isLaunch(url), url);
    }
  }

  /** The fixture's findings, with the URL as written there and as a user might write it. */
  @Test
  void aTemplateThatPostsToTheLaunchApiWithASlashOrQueryIsCheckedAsALaunch() throws Exception {
    String schemas = tmp.resolve("schemas").toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
    String fixture = Files.readString(DataActionRuns.LAUNCH_FIXTURE);
    List<String> exact = DataActionRuns.rules(tmp, fixture, schemas);
    assertTrue(exact.contains("unknown-input"), exact.toString());
    for (String url :
        List.of(
            "/api/v2/flows/executions/",
            "/api/v2/flows/executions?x=1",
            "https://api.mypurecloud.com/api/v2/flows/executions/")) {
      String changed =
          fixture.replace(
              "\"requestUrlTemplate\": \"/api/v2/flows/executions\"",
              "\"requestUrlTemplate\": \"" + url + "\"");
      assertTrue(changed.contains(url), "the fixture's URL was replaced");
      assertEquals(exact, DataActionRuns.rules(tmp, changed, schemas), url);
    }
  }

  private static String launchUrl(Random r) {
    String path = "/api/v2/flows/executions";
    if (r.nextInt(4) == 0) {
      path = path.toUpperCase(java.util.Locale.ROOT);
    }
    String host =
        Properties.pick(
            r,
            List.of("", "https://api.mypurecloud.com", "https://api.euw2.pure.cloud", "${base}"));
    String slashes = "/".repeat(r.nextInt(3));
    String tail = Properties.pick(r, List.of("", "?x=1", "?a=${input.a}&b=2", "#top"));
    String space = r.nextInt(5) == 0 ? " " : "";
    return space + host + path + slashes + tail + space;
  }
}
