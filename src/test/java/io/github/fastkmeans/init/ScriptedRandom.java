package io.github.fastkmeans.init;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/** A Random whose nextDouble() and nextInt(bound) answer from scripts, to steer initializers. */
final class ScriptedRandom extends Random {

  private static final long serialVersionUID = 1L;

  private final Deque<Double> doubles = new ArrayDeque<>();
  private final Deque<Integer> ints = new ArrayDeque<>();

  ScriptedRandom withDoubles(double... values) {
    for (double v : values) {
      doubles.add(v);
    }
    return this;
  }

  ScriptedRandom withInts(int... values) {
    for (int v : values) {
      ints.add(v);
    }
    return this;
  }

  /** Whether every scripted value was used. */
  boolean exhausted() {
    return doubles.isEmpty() && ints.isEmpty();
  }

  @Override
  public double nextDouble() {
    if (doubles.isEmpty()) {
      throw new IllegalStateException("no scripted double left");
    }
    return doubles.poll();
  }

  @Override
  public int nextInt(int bound) {
    if (ints.isEmpty()) {
      throw new IllegalStateException("no scripted int left");
    }
    int value = ints.poll();
    if (value < 0 || value >= bound) {
      throw new IllegalStateException("scripted int " + value + " not below " + bound);
    }
    return value;
  }
}
