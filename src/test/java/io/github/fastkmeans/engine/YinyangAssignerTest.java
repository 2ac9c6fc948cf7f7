package io.github.fastkmeans.engine;

import static io.github.fastkmeans.engine.SameFit.assertSameFit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Yinyang's groups and bounds, and the bound-based algorithms at large k, where the distances
 * between centres are measured on several threads and Exponion keeps only each centre's nearest
 * others: every fit is Lloyd's, bit for bit, on 1 and 3 threads.
 */
class YinyangAssignerTest {

  private static final Algorithm[] LARGE_K = {
    Algorithm.YINYANG, Algorithm.EXPONION, Algorithm.HAMERLY, Algorithm.ELKAN
  };

  private static KMeansResult fit(DataMatrix data, double[] start, Algorithm algorithm, int threads)
      throws InterruptedException {
    return new KMeans(
            KMeansSettings.DEFAULTS
                .withAlgorithm(algorithm)
                .withThreads(threads)
                .withTraceErrors(true))
        .fit(data, start);
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 2, 3, 11, 40, 250})
  void yinyangReproducesLloydForAnyNumberOfGroups(int k) throws InterruptedException {
    DataMatrix data = TestData.blobs(21, 3000, 5, 8, 1.2, true);
    double[] start = TestData.firstRows(data, k);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
    for (int threads : new int[] {1, 3}) {
      assertSameFit(lloyd, fit(data, start, Algorithm.YINYANG, threads), threads + " threads");
    }
  }

  @Test
  void manyCentresOnSmallDataReproduceLloyd() throws InterruptedException {
    // k = 2,000: 128 groups, Exponion keeps 667 neighbours per centre, and the distances between
    // centres (2,000^2 x 6) are measured on all threads.
    DataMatrix data = TestData.blobs(22, 6000, 6, 40, 2.0, false);
    double[] start = TestData.firstRows(data, 2000);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
    assertTrue(lloyd.iterations() > 2, "the fit moves the centres: " + lloyd.iterations());
    for (Algorithm algorithm : LARGE_K) {
      for (int threads : new int[] {1, 3}) {
        assertSameFit(lloyd, fit(data, start, algorithm, threads), algorithm + ", " + threads);
      }
    }
  }

  @Test
  void tiesOnAGridGoToTheLowestIndex() throws InterruptedException {
    Random random = new Random(23);
    int rows = 4000;
    double[] values = new double[rows * 4];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(4);
    }
    DataMatrix data = DataMatrix.of(rows, 4, values);
    // Duplicate centres: every row is equally near to both copies, and the later copies empty.
    double[] start = TestData.firstRows(data, 60);
    System.arraycopy(start, 0, start, 30 * 4, 30 * 4);
    for (EmptyClusterPolicy policy :
        new EmptyClusterPolicy[] {EmptyClusterPolicy.KEEP, EmptyClusterPolicy.RELOCATE}) {
      KMeansSettings settings = KMeansSettings.DEFAULTS.withEmptyClusterPolicy(policy);
      KMeansResult lloyd = new KMeans(settings.withAlgorithm(Algorithm.LLOYD)).fit(data, start);
      assertTrue(policy == EmptyClusterPolicy.KEEP || lloyd.relocations() > 0, "relocations");
      for (int threads : new int[] {1, 3}) {
        KMeansResult yinyang =
            new KMeans(settings.withAlgorithm(Algorithm.YINYANG).withThreads(threads))
                .fit(data, start);
        assertSameFit(lloyd, yinyang, "duplicate centres, " + policy + ", " + threads);
      }
    }
  }

  @Test
  void groupsPartitionTheCentres() {
    DataMatrix data = TestData.blobs(24, 500, 3, 6, 0.5, false);
    int k = 97;
    double[] centres = TestData.firstRows(data, k);
    CentreGroups groups = new CentreGroups(centres, k, 3, YinyangAssigner.groupCount(k));
    assertTrue(groups.count() >= 1 && groups.count() <= 10, "groups " + groups.count());
    boolean[] seen = new boolean[k];
    for (int g = 0; g < groups.count(); g++) {
      assertTrue(groups.groupStart[g + 1] > groups.groupStart[g], "group " + g + " is empty");
      for (int i = groups.groupStart[g]; i < groups.groupStart[g + 1]; i++) {
        int c = groups.members[i];
        assertEquals(g, groups.groupOf[c]);
        assertTrue(!seen[c], "centre " + c + " twice");
        seen[c] = true;
        if (i > groups.groupStart[g]) {
          assertTrue(groups.members[i - 1] < c, "members in index order");
        }
      }
    }
    for (boolean s : seen) {
      assertTrue(s);
    }
  }

  @Test
  void theGroupCountIsATenthOfKUpToItsCap() {
    assertEquals(1, YinyangAssigner.groupCount(1));
    assertEquals(1, YinyangAssigner.groupCount(10));
    assertEquals(2, YinyangAssigner.groupCount(11));
    assertEquals(100, YinyangAssigner.groupCount(1000));
    assertEquals(YinyangAssigner.MAX_GROUPS, YinyangAssigner.groupCount(10_000));
  }

  @Test
  void theMemoryEstimateCountsOneBoundPerRowAndGroup() {
    KMeansSettings yinyang = KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.YINYANG);
    long rows = 100_000;
    // With the vector kernel, the tiled bounds (a byte per row and block of 8) where larger.
    long tiled = BlockSweeps.vectorKernel() ? TiledYinyangAssigner.bytes(rows, 32, 10_000) : 0;
    assertEquals(
        Math.max(8 * rows * YinyangAssigner.MAX_GROUPS + 8 * rows + 32L * 10_000, tiled),
        MemoryEstimate.of((int) rows, 32, 10_000, yinyang).boundsBytes());
    assertEquals(
        Math.max(
            8 * rows * 3 + 8 * rows + 32L * 25,
            BlockSweeps.vectorKernel() ? TiledYinyangAssigner.bytes(rows, 32, 25) : 0),
        MemoryEstimate.of((int) rows, 32, 25, yinyang).boundsBytes());
  }

  @Test
  void selectionMovesTheSmallestKeysToTheFront() {
    Random random = new Random(25);
    for (int trial = 0; trial < 200; trial++) {
      // Short arrays, and long ones, which are filtered by a sampled pivot first.
      int length = trial % 2 == 0 ? 2 + random.nextInt(300) : 1024 + random.nextInt(4000);
      long[] keys = random.longs(length * 2L, 0, 4L * length).distinct().limit(length).toArray();
      length = keys.length;
      if (length < 2) {
        continue;
      }
      int count = 1 + random.nextInt(length - 1);
      long[] sorted = keys.clone();
      Arrays.sort(sorted);
      KeySelection.smallestFirst(keys, length, count);
      long[] front = Arrays.copyOf(keys, count);
      Arrays.sort(front);
      assertArrayEquals(Arrays.copyOf(sorted, count), front, "trial " + trial);
    }
  }
}
