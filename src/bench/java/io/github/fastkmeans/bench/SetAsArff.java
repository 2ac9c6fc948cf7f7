package io.github.fastkmeans.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes a synthetic benchmark set as ARFF files for Weka's own command line: its rows, and its
 * first k rows as the starting centres for {@code -init given}.
 *
 * <p>{@code java -cp "$(cat target/bench-classpath.txt)" io.github.fastkmeans.bench.SetAsArff E
 * target/E} writes {@code target/E.arff} and {@code target/E-centres.arff}.
 */
public final class SetAsArff {

  private SetAsArff() {}

  /** Writes the set named by the first argument to the files the second one starts. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("Usage: SetAsArff <set A-G> <path without .arff>");
    }
    Dataset set = Datasets.synthetic(args[0], false);
    if (set == null) {
      throw new IllegalArgumentException("No synthetic set " + args[0] + " (A-G, L3-L5, W32-W96)");
    }
    write(set, set.rows, Paths.get(args[1] + ".arff"));
    write(set, set.k, Paths.get(args[1] + "-centres.arff"));
    System.out.printf(
        "%s: %,d x %d, k = %d, %d iterations%n",
        set.name, set.rows, set.columns, set.k, set.iterations);
  }

  /** Writes the first {@code rows} rows of {@code set} to {@code file}, attributes x0, x1, .... */
  static void write(Dataset set, int rows, Path file) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(writer)) {
      out.println("@relation " + set.name);
      for (int j = 0; j < set.columns; j++) {
        out.println("@attribute x" + j + " numeric");
      }
      out.println("@data");
      StringBuilder line = new StringBuilder();
      for (int row = 0; row < rows; row++) {
        line.setLength(0);
        for (int j = 0; j < set.columns; j++) {
          line.append(j > 0 ? "," : "").append(set.values[row * set.columns + j]);
        }
        out.println(line);
      }
    }
  }
}
