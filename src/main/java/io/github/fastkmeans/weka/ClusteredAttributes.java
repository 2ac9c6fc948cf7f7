package io.github.fastkmeans.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.WekaException;

/** Which attributes of a data set take part in distances, and the refusal of a set without any. */
final class ClusteredAttributes {

  private ClusteredAttributes() {}

  /**
   * The attributes of {@code header} that take part in distances: numeric, date and nominal ones
   * with at least one value, not the class.
   */
  static int[] of(Instances header) {
    int[] used = new int[header.numAttributes()];
    int count = 0;
    for (int i = 0; i < header.numAttributes(); i++) {
      Attribute attribute = header.attribute(i);
      // A nominal attribute without values can only be missing: it has no coordinate to take.
      boolean valued =
          attribute.isNumeric() || (attribute.isNominal() && attribute.numValues() > 0);
      if (i != header.classIndex() && valued) {
        used[count++] = i;
      }
    }
    return Arrays.copyOf(used, count);
  }

  /**
   * The attributes of {@code header} that take part in distances, as {@link #of}.
   *
   * @throws WekaException if there is none, naming the nominal attributes declared without values
   */
  static int[] required(Instances header) throws WekaException {
    int[] used = of(header);
    if (used.length == 0) {
      throw new WekaException(
          "FastKMeans needs at least one numeric, date or nominal attribute besides the class"
              + withoutValues(header)
              + ".");
    }
    return used;
  }

  /**
   * The part of the refusal that names the nominal attributes declared without values, which take
   * no part; empty when there are none.
   */
  private static String withoutValues(Instances header) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.numAttributes(); i++) {
      Attribute attribute = header.attribute(i);
      if (i != header.classIndex() && attribute.isNominal() && attribute.numValues() == 0) {
        names.add("'" + attribute.name() + "'");
      }
    }
    if (names.isEmpty()) {
      return "";
    }
    return names.size() == 1
        ? "; nominal attribute " + names.get(0) + " declares no values, and takes no part"
        : "; nominal attributes "
            + String.join(", ", names)
            + " declare no values, and take no part";
  }
}
