package dev.flowlint.genesys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Genesys Cloud regions and their domains: login at https://login.DOMAIN, API at
 * https://api.DOMAIN.
 */
public final class Region {
  public static final Map<String, String> DOMAINS = domains();

  private Region() {}

  private static Map<String, String> domains() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("us-east-1", "mypurecloud.com");
    m.put("us-east-2", "use2.us-gov-pure.cloud");
    m.put("us-west-2", "usw2.pure.cloud");
    m.put("ca-central-1", "cac1.pure.cloud");
    m.put("sa-east-1", "sae1.pure.cloud");
    m.put("mx-central-1", "mxc1.pure.cloud");
    m.put("eu-west-1", "mypurecloud.ie");
    m.put("eu-west-2", "euw2.pure.cloud");
    m.put("eu-central-1", "mypurecloud.de");
    m.put("eu-central-2", "euc2.pure.cloud");
    m.put("me-central-1", "mec1.pure.cloud");
    m.put("ap-south-1", "aps1.pure.cloud");
    m.put("ap-southeast-1", "apse1.pure.cloud");
    m.put("ap-southeast-2", "mypurecloud.com.au");
    m.put("ap-northeast-1", "mypurecloud.jp");
    m.put("ap-northeast-2", "apne2.pure.cloud");
    m.put("ap-northeast-3", "apne3.pure.cloud");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The domain of a region name such as {@code eu-west-1}; a domain itself is accepted too. */
  public static Optional<String> domain(String region) {
    String r = region.strip().toLowerCase(java.util.Locale.ROOT);
    if (DOMAINS.containsKey(r)) {
      return Optional.of(DOMAINS.get(r));
    }
    return DOMAINS.containsValue(r) ? Optional.of(r) : Optional.empty();
  }
}
