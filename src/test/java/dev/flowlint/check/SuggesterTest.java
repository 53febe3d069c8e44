package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggesterTest {
  private static final List<String> SCOPED =
      List.of("Flow.customer_id", "Flow.phone_number", "Flow.priority", "Flow.order_id");

  @Test
  void caseAndSeparatorsFold() {
    assertEquals(List.of("Flow.customer_id"), Suggester.suggest("customerId", SCOPED));
    assertEquals(List.of("Flow.customer_id"), Suggester.suggest("customerID", SCOPED));
    assertEquals(List.of("Flow.customer_id"), Suggester.suggest("CUSTOMER_ID", SCOPED));
    assertEquals(List.of("Flow.customer_id"), Suggester.suggest("Flow.Customer_ID", SCOPED));
  }

  @Test
  void missingOrWrongScopeIsAdded() {
    assertEquals(List.of("Flow.customer_id"), Suggester.suggest("customer_id", SCOPED));
    assertEquals(List.of("Flow.customer_id"), Suggester.suggest("Common.customer_id", SCOPED));
  }

  @Test
  void typosAndTranspositions() {
    assertEquals(List.of("Flow.customer_id"), Suggester.suggest("Flow.custmer_id", SCOPED));
    assertEquals(List.of("Flow.priority"), Suggester.suggest("Flow.prioirty", SCOPED));
  }

  /**
   * A key typed or pasted with decomposed accents (NFD: {@code e} + U+0301) looks exactly like the
   * composed input name (NFC: {@code é}) but is another string; it got no suggestion at all.
   */
  @Test
  void unicodeFormsFold() {
    List<String> accented = List.of("Flow.café", "Flow.phone");
    assertEquals(List.of("Flow.café"), Suggester.suggest("Flow.cafe\u0301", accented));
    assertEquals(
        List.of("Flow.cafe\u0301"), Suggester.suggest("Flow.café", List.of("Flow.cafe\u0301")));
  }

  @Test
  void bareNamesForSharedFlows() {
    assertEquals(
        List.of("customer_id"), Suggester.suggest("customerId", List.of("customer_id", "reason")));
  }

  @Test
  void silentRatherThanWrong() {
    assertEquals(List.of(), Suggester.suggest("phone", SCOPED), "phone is not phone_number");
    assertEquals(List.of(), Suggester.suggest("reasonCode", SCOPED));
    assertEquals(List.of(), Suggester.suggest("id", List.of("Flow.ab")));
  }

  @Test
  void tiesAreAllOffered() {
    assertEquals(
        List.of("Flow.order_a", "Flow.order_b"),
        Suggester.suggest("Flow.order_c", List.of("Flow.order_a", "Flow.order_b")));
  }

  @Test
  void distanceCountsATranspositionAsOneEdit() {
    assertEquals(1, Suggester.distance("ab", "ba"));
    assertEquals(3, Suggester.distance("kitten", "sitting"));
    assertEquals(
        3,
        Suggester.distance("ca", "abc"),
        "each substring is edited once (optimal string alignment)");
  }

  @Test
  void theLimitIsAThirdOfTheLongerFoldedName() {
    // "customerid" is 10 characters: 3 edits are offered, 4 are not.
    assertEquals(
        List.of("Flow.customer_id"),
        Suggester.suggest("Flow.custXXXrid", List.of("Flow.customer_id")));
    assertEquals(List.of(), Suggester.suggest("Flow.cuXXXXerid", List.of("Flow.customer_id")));
  }

  @Test
  void theClosestWinsOverOthersWithinTheLimit() {
    assertEquals(
        List.of("Flow.order_id"),
        Suggester.suggest("Flow.orderidd", List.of("Flow.order_idxx", "Flow.order_id")));
  }

  @Test
  void emptyAndExactNames() {
    assertEquals(List.of(), Suggester.suggest("Flow.x", List.of()));
    assertEquals(
        List.of("Flow.priority"),
        Suggester.suggest("flow.PRIORITY", SCOPED),
        "an exact fold is distance 0");
  }
}
