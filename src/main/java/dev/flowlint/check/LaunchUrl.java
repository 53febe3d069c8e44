package dev.flowlint.check;

import java.util.Locale;

/**
 * Whether a data action's request URL template is the launch API, however it is written: a host or
 * not, a trailing slash, a query or fragment, the path's letters in any case. A template that
 * launches a flow must not go unchecked for a slash.
 */
final class LaunchUrl {
  private static final String PATH = "/api/v2/flows/executions";

  private LaunchUrl() {}

  static boolean isLaunch(String url) {
    String u = url.strip();
    int cut = u.length();
    int query = u.indexOf('?');
    int fragment = u.indexOf('#');
    if (query >= 0) {
      cut = query;
    }
    if (fragment >= 0 && fragment < cut) {
      cut = fragment;
    }
    int end = cut;
    while (end > 0 && u.charAt(end - 1) == '/') {
      end--;
    }
    return u.substring(0, end).toLowerCase(Locale.ROOT).endsWith(PATH);
  }
}
