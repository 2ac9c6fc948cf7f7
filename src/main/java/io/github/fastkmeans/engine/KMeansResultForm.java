package io.github.fastkmeans.engine;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamField;

/**
 * The saved form of a {@link KMeansResult}: the sixteen fields the result had when saved models
 * were given a format number (model format 3), written and read by name. So models saved before the
 * result was made of parts load as they did, and the versions that had those fields load the
 * results saved now.
 */
final class KMeansResultForm {

  private KMeansResultForm() {}

  /** The saved fields: their names and types never change. */
  static ObjectStreamField[] fields() {
    return new ObjectStreamField[] {
      new ObjectStreamField("columns", int.class),
      new ObjectStreamField("initialCentres", double[].class),
      new ObjectStreamField("centres", double[].class),
      new ObjectStreamField("labels", int[].class),
      new ObjectStreamField("clusterWeights", double[].class),
      new ObjectStreamField("iterations", int.class),
      new ObjectStreamField("squaredError", double.class),
      new ObjectStreamField("squaredErrorHistory", double[].class),
      new ObjectStreamField("converged", boolean.class),
      new ObjectStreamField("relocations", int.class),
      new ObjectStreamField("algorithm", Algorithm.class),
      new ObjectStreamField("rows", int.class),
      new ObjectStreamField("distanceComputations", long[].class),
      new ObjectStreamField("iterationNanos", long[].class),
      new ObjectStreamField("swapTrials", int.class),
      new ObjectStreamField("swapsKept", int.class)
    };
  }

  /** Puts every saved field of {@code result} into {@code out}. */
  static void write(KMeansResult result, ObjectOutputStream.PutField out) {
    out.put("columns", result.columns());
    out.put("initialCentres", result.initialCentres());
    out.put("centres", result.centres());
    out.put("labels", result.labels());
    out.put("clusterWeights", result.clusterWeights());
    out.put("iterations", result.iterations());
    out.put("squaredError", result.squaredError());
    out.put("squaredErrorHistory", result.squaredErrorHistory());
    out.put("converged", result.converged());
    out.put("relocations", result.relocations());
    out.put("algorithm", result.algorithm());
    out.put("rows", result.rows());
    out.put("distanceComputations", result.distanceComputations());
    out.put("iterationNanos", result.iterationNanos());
    out.put("swapTrials", result.swapTrials());
    out.put("swapsKept", result.swapsKept());
  }

  /**
   * The result whose saved fields are {@code in}.
   *
   * @throws InvalidObjectException if a field is missing, of another type or out of step with the
   *     others
   */
  static KMeansResult read(ObjectInputStream.GetField in) throws IOException {
    try {
      int columns = in.get("columns", 0);
      double[] initialCentres = (double[]) in.get("initialCentres", null);
      double[] centres = (double[]) in.get("centres", null);
      int[] labels = (int[]) in.get("labels", null);
      double[] clusterWeights = (double[]) in.get("clusterWeights", null);
      int iterations = in.get("iterations", 0);
      double[] squaredErrorHistory = (double[]) in.get("squaredErrorHistory", null);
      Algorithm algorithm = (Algorithm) in.get("algorithm", null);
      int rows = in.get("rows", 0);
      long[] distanceComputations = (long[]) in.get("distanceComputations", null);
      long[] iterationNanos = (long[]) in.get("iterationNanos", null);
      if (initialCentres == null
          || centres == null
          || labels == null
          || clusterWeights == null
          || squaredErrorHistory == null
          || algorithm == null
          || distanceComputations == null
          || iterationNanos == null
          || clusterWeights.length == 0
          || columns < 1
          || centres.length != (long) clusterWeights.length * columns
          || initialCentres.length != centres.length
          || labels.length != rows
          || distanceComputations.length != iterations
          || iterationNanos.length != iterations
          || (squaredErrorHistory.length != 0 && squaredErrorHistory.length != iterations)) {
        throw new InvalidObjectException("The saved k-means result is incomplete or damaged.");
      }
      return new KMeansResult(
          initialCentres,
          new Partition(centres, labels, clusterWeights, in.get("squaredError", 0.0)),
          in.get("converged", false),
          in.get("relocations", 0),
          algorithm,
          new IterationTrace(squaredErrorHistory, distanceComputations, iterationNanos),
          new SwapCount(in.get("swapTrials", 0), in.get("swapsKept", 0)));
    } catch (IllegalArgumentException | ClassCastException e) {
      InvalidObjectException invalid =
          new InvalidObjectException("The saved k-means result is damaged: " + e.getMessage());
      invalid.initCause(e);
      throw invalid;
    }
  }
}
