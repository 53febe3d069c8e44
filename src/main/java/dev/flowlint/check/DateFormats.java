package dev.flowlint.check;

import com.networknt.schema.format.DateFormat;
import com.networknt.schema.format.DateTimeFormat;

/**
 * JSON Schema's {@code date} and {@code date-time} formats, decided by networknt's own format
 * classes. The plain shapes almost every payload carries ({@code 2024-05-01}, {@code
 * 2024-05-01T13:30:00Z}) are accepted by a scan of their digits first: those classes start slf4j
 * and java.time's parsers, several milliseconds of a one-file run. Anything else goes to networknt.
 */
final class DateFormats {
  private DateFormats() {}

  static boolean isDate(String value) {
    return (value.length() == 10 && plainDate(value)) || Networknt.DATE.matches(null, value);
  }

  static boolean isDateTime(String value) {
    return plainDateTime(value) || Networknt.DATE_TIME.matches(null, value);
  }

  /** Loaded on first need only. */
  private static final class Networknt {
    static final DateFormat DATE = new DateFormat();
    static final DateTimeFormat DATE_TIME = new DateTimeFormat();
  }

  /** {@code yyyy-MM-dd}, a real day of years 0001–9999. */
  private static boolean plainDate(String s) {
    if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-') {
      return false;
    }
    if (!digits(s, 8, 2)) {
      return false;
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days(year, month);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1–9 digits, then {@code Z} or an offset
   * {@code ±HH:mm} within ±14:00 other than {@code -00:00}: no leap second, no lower-case letters.
   */
  private static boolean plainDateTime(String s) {
    int n = s.length();
    if (n < 20 || !plainDate(s.substring(0, 10)) || s.charAt(10) != 'T') {
      return false;
    }
    if (!digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2) || s.charAt(16) != ':') {
      return false;
    }
    if (!digits(s, 17, 2)
        || number(s, 11, 2) > 23
        || number(s, 14, 2) > 59
        || number(s, 17, 2) > 59) {
      return false;
    }
    int i = 19;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 9) {
        return false;
      }
    }
    if (i == n - 1) {
      return s.charAt(i) == 'Z';
    }
    if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
      return false;
    }
    if (!digits(s, i + 1, 2) || !digits(s, i + 4, 2)) {
      return false;
    }
    int hours = number(s, i + 1, 2);
    int minutes = number(s, i + 4, 2);
    boolean unknownOffset = s.charAt(i) == '-' && hours == 0 && minutes == 0; // RFC 3339's -00:00
    return hours <= 14 && minutes <= 59 && !unknownOffset; // anything else: networknt decides
  }

  private static boolean digits(String s, int from, int count) {
    if (s.length() < from + count) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static int days(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
