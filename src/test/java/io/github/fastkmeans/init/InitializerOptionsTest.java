package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link InitializerOptions}: defaults, validated copies, messages that name the option.
 */
class InitializerOptionsTest {

  @Test
  void defaultsAreThoseDocumented() {
    InitializerOptions defaults = InitializerOptions.DEFAULTS;
    assertEquals(2.0, defaults.oversampling(), 0);
    assertEquals(5, defaults.rounds());
    assertEquals(200, defaults.chainLength());
    assertEquals(1, defaults.threads());
  }

  @Test
  void withMethodsChangeOneValueAndLeaveTheOriginal() {
    InitializerOptions changed =
        InitializerOptions.DEFAULTS
            .withOversampling(0.5)
            .withRounds(2)
            .withChainLength(7)
            .withThreads(3);
    assertEquals(0.5, changed.oversampling(), 0);
    assertEquals(2, changed.rounds());
    assertEquals(7, changed.chainLength());
    assertEquals(3, changed.threads());
    assertEquals(5, InitializerOptions.DEFAULTS.rounds());
  }

  @Test
  void outOfRangeValuesAreRefusedNamingTheOption() {
    InitializerOptions d = InitializerOptions.DEFAULTS;
    assertRefused("oversampling", () -> d.withOversampling(0));
    assertRefused("oversampling", () -> d.withOversampling(-1));
    assertRefused("oversampling", () -> d.withOversampling(Double.NaN));
    assertRefused("oversampling", () -> d.withOversampling(Double.POSITIVE_INFINITY));
    assertRefused("rounds", () -> d.withRounds(0));
    assertRefused("chain length", () -> d.withChainLength(0));
    assertRefused("threads", () -> d.withThreads(0));
  }

  private static void assertRefused(String name, Supplier<InitializerOptions> change) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, change::get);
    assertTrue(e.getMessage().contains(name), e.getMessage());
  }
}
