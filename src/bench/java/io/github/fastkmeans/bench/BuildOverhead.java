package io.github.fastkmeans.bench;

import io.github.fastkmeans.weka.FitPipeline;
import io.github.fastkmeans.weka.OptionTable;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Where a Weka build of a synthetic benchmark set (A by default) spends its time: the whole {@code
 * buildClusterer}, and each stage of the build's pipeline, medians over repeated builds, with what
 * the building thread allocated in each. The stages other than the engine's ({@code
 * SEED_AND_RESTARTS} and {@code REFINEMENT}) are the work around the fit.
 *
 * <p>{@code java -cp "$(cat target/bench-classpath.txt)" io.github.fastkmeans.bench.BuildOverhead
 * [threads] [builds] [set] [algorithm]}
 */
public final class BuildOverhead {

  /**
   * The building thread's CPU time times the stages: on a loaded machine it is steadier than the
   * wall clock, and every stage but the engine's runs on that thread alone.
   */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** The building thread's allocations per stage: fresh heap is slow to touch on some machines. */
  private static final com.sun.management.ThreadMXBean ALLOCATION =
      (com.sun.management.ThreadMXBean) CPU;

  private BuildOverhead() {}

  /** Runs the measurement and prints one line per stage. */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int builds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String name = args.length > 2 ? args[2] : "A";
    Dataset set = Datasets.synthetic(name, false);
    if (set == null) {
      throw new IllegalArgumentException("No synthetic set " + name + " (A-G, L3-L5, W32-W96)");
    }
    Instances data = instances(set);
    File centres = centresFile(set);
    String[] options = {
      "-N",
      String.valueOf(set.k),
      "-I",
      String.valueOf(set.iterations),
      "-init",
      "given",
      "-init-file",
      centres.getPath(),
      "-normalize",
      "none",
      "-refine",
      "none",
      "-num-slots",
      String.valueOf(threads),
      "-algorithm",
      args.length > 3 ? args[3] : "auto"
    };
    long[] whole = new long[builds];
    Map<FitPipeline.Stage, long[]> stages = new EnumMap<>(FitPipeline.Stage.class);
    Map<FitPipeline.Stage, long[]> stageWalls = new EnumMap<>(FitPipeline.Stage.class);
    Map<FitPipeline.Stage, long[]> stageBytes = new EnumMap<>(FitPipeline.Stage.class);
    long[] beforeStages = new long[builds];
    long[] beforeStagesWall = new long[builds];
    for (int b = -5; b < builds; b++) {
      FastKMeans clusterer = new FastKMeans();
      clusterer.setOptions(options.clone());
      long start = System.nanoTime();
      clusterer.buildClusterer(data);
      long end = System.nanoTime();
      // The same build through the pipeline alone, its stages timed.
      StageClock clock = new StageClock();
      FitPipeline pipeline =
          new FitPipeline(OptionTable.parse(options.clone()), 1, false, clusterer.getCapabilities())
              .observedBy(clock::enter);
      clock.start(CPU.getCurrentThreadCpuTime(), System.nanoTime(), allocated());
      pipeline.fit(data);
      clock.end(CPU.getCurrentThreadCpuTime(), System.nanoTime(), allocated());
      if (b >= 0) {
        whole[b] = end - start;
        beforeStages[b] = clock.beforeStages;
        beforeStagesWall[b] = clock.beforeStagesWall;
        for (Map.Entry<FitPipeline.Stage, Long> e : clock.times.entrySet()) {
          stages.computeIfAbsent(e.getKey(), s -> new long[builds])[b] = e.getValue();
        }
        for (Map.Entry<FitPipeline.Stage, Long> e : clock.walls.entrySet()) {
          stageWalls.computeIfAbsent(e.getKey(), s -> new long[builds])[b] = e.getValue();
        }
        for (Map.Entry<FitPipeline.Stage, Long> e : clock.bytes.entrySet()) {
          stageBytes.computeIfAbsent(e.getKey(), s -> new long[builds])[b] = e.getValue();
        }
      }
    }
    double wholeMs = median(whole);
    System.out.printf(
        "%s (%,d x %d, k = %d, %d iterations), %d threads, %d builds%n",
        set.name, set.rows, set.columns, set.k, set.iterations, threads, builds);
    System.out.printf("buildClusterer: median %.2f ms%n", wholeMs);
    double engine = 0;
    double total = median(beforeStages);
    double outsideWall = median(beforeStagesWall);
    System.out.printf("  %-18s %7s    %7s    %9s%n", "stage", "CPU", "wall", "allocated");
    System.out.printf("  %-18s %7.2f ms %7.2f ms%n", "(before the first)", total, outsideWall);
    for (Map.Entry<FitPipeline.Stage, long[]> e : stages.entrySet()) {
      double ms = median(e.getValue());
      double wallMs = median(stageWalls.get(e.getKey()));
      boolean inEngine =
          e.getKey() == FitPipeline.Stage.SEED_AND_RESTARTS
              || e.getKey() == FitPipeline.Stage.REFINEMENT;
      total += ms;
      if (inEngine) {
        engine += ms;
      } else {
        outsideWall += wallMs;
      }
      System.out.printf(
          "  %-18s %7.2f ms %7.2f ms %9.3f MiB%s%n",
          e.getKey(),
          ms,
          wallMs,
          median(stageBytes.get(e.getKey())) * 1e6 / (1 << 20),
          inEngine ? "  (engine: the building thread's share only)" : "");
    }
    double outside = total - engine;
    System.out.printf(
        "outside the engine: %.2f ms of CPU time on the building thread, %.1f%% of the build's"
            + " median wall time (%.2f ms of wall time, %.1f%%)%n",
        outside, 100 * outside / wholeMs, outsideWall, 100 * outsideWall / wholeMs);
    centres.delete();
  }

  private static long allocated() {
    return ALLOCATION.getCurrentThreadAllocatedBytes();
  }

  /**
   * The time of each stage, CPU of the building thread and wall: from its start to the next stage's
   * start or the build's end. The wall time also counts the building thread's waits for the other
   * threads, which its CPU time leaves out.
   */
  private static final class StageClock {
    final Map<FitPipeline.Stage, Long> times = new EnumMap<>(FitPipeline.Stage.class);
    final Map<FitPipeline.Stage, Long> walls = new EnumMap<>(FitPipeline.Stage.class);
    final Map<FitPipeline.Stage, Long> bytes = new EnumMap<>(FitPipeline.Stage.class);

    /** The time from the build's call to its first stage (CPU of the building thread, wall). */
    long beforeStages;

    long beforeStagesWall;

    private FitPipeline.Stage current;
    private long since;
    private long wallSince;
    private long bytesSince;

    /** Notes the times at the build's call. */
    void start(long now, long wallNow, long bytesNow) {
      since = now;
      wallSince = wallNow;
      bytesSince = bytesNow;
    }

    void enter(FitPipeline.Stage stage) {
      long now = CPU.getCurrentThreadCpuTime();
      long wallNow = System.nanoTime();
      long bytesNow = allocated();
      if (current == null) {
        beforeStages = now - since;
        beforeStagesWall = wallNow - wallSince;
      }
      end(now, wallNow, bytesNow);
      current = stage;
      since = now;
      wallSince = wallNow;
      bytesSince = bytesNow;
    }

    void end(long now, long wallNow, long bytesNow) {
      if (current != null) {
        times.put(current, now - since);
        walls.put(current, wallNow - wallSince);
        bytes.put(current, bytesNow - bytesSince);
      }
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static Instances instances(Dataset set) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < set.columns; j++) {
      attributes.add(new Attribute("x" + j));
    }
    Instances data = new Instances(set.name, attributes, set.rows);
    for (int i = 0; i < set.rows; i++) {
      data.add(
          new DenseInstance(
              1, Arrays.copyOfRange(set.values, i * set.columns, (i + 1) * set.columns)));
    }
    return data;
  }

  /** The first k rows as the starting centres, in an ARFF file of the data's header. */
  private static File centresFile(Dataset set) throws Exception {
    File file = Files.createTempFile("build-overhead-centres", ".arff").toFile();
    SetAsArff.write(set, set.k, file.toPath());
    return file;
  }
}
