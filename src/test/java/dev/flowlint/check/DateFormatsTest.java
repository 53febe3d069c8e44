package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.format.DateFormat;
import com.networknt.schema.format.DateTimeFormat;
import dev.flowlint.Properties;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DateFormats} gives networknt's verdict (its own DateTimeFormat and DateFormat classes) on
 * generated strings near the shapes, the scan's fast accept included.
 */
class DateFormatsTest {
  private static final DateTimeFormat NETWORKNT_DATE_TIME = new DateTimeFormat();
  private static final DateFormat NETWORKNT_DATE = new DateFormat();

  @Test
  void dateTimeAsNetworknt() {
    Properties.forAll(
        "date-time == networknt",
        20_000,
        DateFormatsTest::dateTime,
        s ->
            assertEquals(
                NETWORKNT_DATE_TIME.matches(null, s), DateFormats.isDateTime(s), "date-time " + s));
  }

  @Test
  void dateAsNetworknt() {
    Properties.forAll(
        "date == networknt",
        20_000,
        r -> date(r) + (r.nextInt(20) == 0 ? Properties.pick(r, List.of("", " ", "Z", "T")) : ""),
        s -> assertEquals(NETWORKNT_DATE.matches(null, s), DateFormats.isDate(s), "date " + s));
  }

  @Test
  void knownShapes() {
    assertTrue(DateFormats.isDateTime("2024-05-01T13:30:00Z"));
    assertTrue(DateFormats.isDateTime("2024-02-29T00:00:00.123456789+02:00"));
    assertTrue(DateFormats.isDateTime("2016-12-31T23:59:60Z"), "an inserted leap second");
    assertFalse(DateFormats.isDateTime("2023-02-29T00:00:00Z"), "no such day");
    assertFalse(DateFormats.isDateTime("2024-05-01T13:30:00"), "no offset");
    assertFalse(DateFormats.isDate("2024-13-01"));
    assertTrue(DateFormats.isDate("2000-02-29"));
    assertFalse(DateFormats.isDate("1900-02-29"));
  }

  private static String digits(Random r, int n, int max) {
    int v = r.nextInt(max + 1);
    return String.format("%0" + n + "d", v);
  }

  private static String date(Random r) {
    String year =
        switch (r.nextInt(8)) {
          case 0 -> Properties.pick(r, List.of("0000", "0001", "1900", "2000", "2100", "9999"));
          case 1 -> digits(r, 4, 9999);
          default -> String.valueOf(1990 + r.nextInt(40));
        };
    String month = r.nextInt(10) == 0 ? digits(r, 2, 99) : digits(r, 2, 12);
    String day = r.nextInt(10) == 0 ? digits(r, 2, 99) : digits(r, 2, 31);
    if (r.nextInt(30) == 0) {
      day = day.substring(1);
    }
    return year + (r.nextInt(40) == 0 ? "/" : "-") + month + "-" + day;
  }

  private static String dateTime(Random r) {
    StringBuilder s = new StringBuilder(date(r));
    s.append(Properties.pick(r, List.of("T", "T", "T", "T", "t", " ", "_")));
    s.append(r.nextInt(10) == 0 ? digits(r, 2, 99) : digits(r, 2, 23)).append(':');
    s.append(r.nextInt(10) == 0 ? digits(r, 2, 99) : digits(r, 2, 59));
    if (r.nextInt(15) != 0) {
      s.append(':')
          .append(
              r.nextInt(10) == 0
                  ? Properties.pick(r, List.of("60", "61", "99"))
                  : digits(r, 2, 59));
    }
    if (r.nextInt(3) == 0) {
      s.append('.');
      int n = r.nextInt(12);
      for (int i = 0; i < n; i++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
    }
    switch (r.nextInt(8)) {
      case 0 -> {}
      case 1 -> s.append('z');
      case 2, 3 -> s.append('Z');
      default ->
          s.append(r.nextBoolean() ? '+' : '-')
              .append(r.nextInt(6) == 0 ? digits(r, 2, 99) : digits(r, 2, 14))
              .append(r.nextInt(20) == 0 ? "" : ":")
              .append(r.nextInt(6) == 0 ? digits(r, 2, 99) : digits(r, 2, 59));
    }
    if (r.nextInt(40) == 0) {
      s.append(' ');
    }
    return s.toString();
  }
}
