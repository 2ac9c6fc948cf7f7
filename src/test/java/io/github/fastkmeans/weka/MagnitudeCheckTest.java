package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * Tests of {@link MagnitudeCheck}: it refuses data whose squared distances or weighted sums would
 * overflow, or whose squared distances would underflow, naming the attribute, and accepts the rest.
 */
class MagnitudeCheckTest {

  /** Two instances of numeric attributes 'narrow' and 'wide', each of weight {@code weight}. */
  private static Instances data(double[] narrow, double[] wide, double weight) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("narrow"));
    attributes.add(new Attribute("wide"));
    Instances data = new Instances("magnitudes", attributes, 2);
    for (int i = 0; i < 2; i++) {
      data.add(new DenseInstance(weight, new double[] {narrow[i], wide[i]}));
    }
    return data;
  }

  /** Encodes {@code data} under {@code normalization} and checks it with {@code centres}. */
  private static void check(Instances data, Normalization normalization, double[] centres)
      throws WekaException, InterruptedException {
    InstanceEncoder encoder = InstanceEncoder.fit(data, normalization);
    MagnitudeCheck.check(encoder, encoder.encode(data), centres);
  }

  private static String refusal(Instances data, Normalization normalization, double[] centres) {
    return assertThrows(WekaException.class, () -> check(data, normalization, centres))
        .getMessage();
  }

  @Test
  void acceptsOrdinaryData() {
    Instances data = data(new double[] {0, 1}, new double[] {-50, 1e3}, 1);
    for (Normalization normalization : Normalization.values()) {
      assertDoesNotThrow(() -> check(data, normalization, null), normalization.id());
    }
  }

  @Test
  void refusesSquaredDistancesThatOverflowNamingTheWidestAttribute() {
    // A span of 1e200 squares to 1e400, beyond the largest double (1.8e308).
    String message =
        refusal(data(new double[] {0, 1}, new double[] {0, 1e200}, 1), Normalization.NONE, null);
    assertTrue(message.startsWith("The values are too large for double precision"), message);
    assertTrue(message.contains("attribute 'wide' spans 1.0E200 after -normalize none"), message);
    assertTrue(message.contains("Use -normalize range or standardize"), message);
    // 1e150 squares to 1e300, which two instances of weight 1 keep far below the limit.
    assertDoesNotThrow(
        () ->
            check(data(new double[] {0, 1}, new double[] {0, 1e150}, 1), Normalization.NONE, null));
  }

  @Test
  void rangeAndStandardizeBringTheSameValuesIntoRange() {
    Instances data = data(new double[] {0, 1}, new double[] {0, 1e200}, 1);
    assertDoesNotThrow(() -> check(data, Normalization.RANGE, null));
    assertDoesNotThrow(() -> check(data, Normalization.STANDARDIZE, null));
  }

  @Test
  void weightsMultiplyTheBounds() {
    // Squared span 1e300 times a total weight of 2e10 exceeds the largest double.
    String message =
        refusal(data(new double[] {0, 1}, new double[] {0, 1e150}, 1e10), Normalization.NONE, null);
    assertTrue(message.contains("the instance weights add up to 2.0E10"), message);

    // No spread at all, but 200 times 1e306 overflows the weighted sums behind the means.
    double[] large = {1e306, 1e306};
    message = refusal(data(new double[] {0, 0}, large, 100), Normalization.NONE, null);
    assertTrue(message.contains("weighted sums would exceed the largest double"), message);
    assertDoesNotThrow(() -> check(data(new double[] {0, 0}, large, 1), Normalization.NONE, null));
  }

  @Test
  void givenCentresWidenTheBox() {
    Instances data = data(new double[] {0, 1}, new double[] {0, 10}, 1);
    // One given centre, encoded like the data (under none: raw values), far out on 'wide'.
    String message = refusal(data, Normalization.NONE, new double[] {0, 5, 0, 1e200});
    assertEquals(
        "The initial centres lie too far from the training data for double precision: centre 2 in"
            + " the file, attribute 'wide', lies 1.0E200 outside the data's range after -normalize"
            + " none, so squared distances would exceed the largest double ("
            + Double.MAX_VALUE
            + "). Check the centres of -init-file.",
        message);
    assertDoesNotThrow(() -> check(data, Normalization.NONE, new double[] {0, 5}));
    // Under range the data span 1; a centre at 1e200 (encoded) is as far out.
    message = refusal(data, Normalization.RANGE, new double[] {0, 1e200});
    assertTrue(message.startsWith("The initial centres lie too far"), message);
    assertTrue(message.contains("after -normalize range"), message);
  }

  @Test
  void underRangeOrStandardizeTheAdviceIsToRescaleNotToNormalize() {
    // Values in [0, 1], but weights of 1e307 make the weighted sums overflow.
    String message =
        refusal(data(new double[] {0, 1}, new double[] {0, 1}, 1e307), Normalization.RANGE, null);
    assertTrue(message.startsWith("The values are too large for double precision"), message);
    assertTrue(message.endsWith("Rescale the data or the weights."), message);
    assertFalse(message.contains("Use -normalize"), message);
  }

  @Test
  void refusesSpansSoSmallThatSquaredDistancesUnderflow() {
    // The widest span, 1e-150, is below 2^-480 (about 3e-145): its square sinks below 1e-290.
    String message =
        refusal(
            data(new double[] {0, 1e-160}, new double[] {0, 1e-150}, 1), Normalization.NONE, null);
    assertTrue(
        message.contains(
            "too small for double precision: the widest attribute, 'wide', spans only 1.0E-150"),
        message);
    assertDoesNotThrow(
        () ->
            check(
                data(new double[] {0, 1e-160}, new double[] {0, 1e-140}, 1),
                Normalization.NONE,
                null));
  }

  @Test
  void acceptsDataWithoutAnySpread() {
    // Equal instances are not "too small": they are one point, however many clusters are asked.
    assertDoesNotThrow(
        () ->
            check(
                data(new double[] {3, 3}, new double[] {1e-300, 1e-300}, 1),
                Normalization.NONE,
                null));
  }
}
