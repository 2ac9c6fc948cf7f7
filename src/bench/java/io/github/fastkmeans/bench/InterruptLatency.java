package io.github.fastkmeans.bench;

import io.github.fastkmeans.weka.FitOptions;
import io.github.fastkmeans.weka.FitPipeline;
import io.github.fastkmeans.weka.FitPipeline.Stage;
import io.github.fastkmeans.weka.OptionTable;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * How long a build takes to end after its thread is interrupted, in every stage: what the
 * Explorer's Stop does (on Java 20 and later, where Thread.stop no longer works, it can only
 * interrupt). {@code InterruptLatency data.arff[.gz] "options"}: one build without interruption
 * gives each stage's duration; then one build per stage is interrupted half-way through that stage
 * (at most 1 s in), and the time from the interrupt to the end of the build is reported.
 */
public final class InterruptLatency {

  private InterruptLatency() {}

  /** Runs the measurement and prints a Markdown table. */
  public static void main(String[] args) throws Exception {
    Instances data = DataSource.read(args[0]);
    FitOptions options = OptionTable.parse(Utils.splitOptions(args.length > 1 ? args[1] : ""));
    Map<Stage, Long> durations = durations(data, options);
    System.out.printf(
        Locale.ROOT,
        "%s, %d instances, options: %s, java %s%n%n",
        args[0],
        data.numInstances(),
        options,
        System.getProperty("java.version"));
    System.out.println("| stage | duration (ms) | interrupted after (ms) | ended after (ms) |");
    System.out.println("|---|---:|---:|---:|");
    for (Map.Entry<Stage, Long> stage : durations.entrySet()) {
      long delay = Math.min(1_000_000_000L, stage.getValue() / 2);
      long latency = latency(data, options, stage.getKey(), delay);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %s |%n",
          stage.getKey(),
          stage.getValue() / 1e6,
          delay / 1e6,
          latency < 0 ? "not interrupted" : String.format(Locale.ROOT, "%.1f", latency / 1e6));
    }
  }

  private static Map<Stage, Long> durations(Instances data, FitOptions options) throws Exception {
    Map<Stage, Long> started = new EnumMap<>(Stage.class);
    new FitPipeline(options, 10, false, null)
        .observedBy(stage -> started.put(stage, System.nanoTime()))
        .fit(data);
    long end = System.nanoTime();
    Map<Stage, Long> durations = new EnumMap<>(Stage.class);
    Stage previous = null;
    for (Map.Entry<Stage, Long> stage : started.entrySet()) {
      if (previous != null) {
        durations.put(previous, stage.getValue() - started.get(previous));
      }
      previous = stage.getKey();
    }
    durations.put(previous, end - started.get(previous));
    return durations;
  }

  /**
   * Nanoseconds from the interrupt to the end of the build; -1 if it ended before the interrupt.
   */
  private static long latency(Instances data, FitOptions options, Stage target, long delay)
      throws InterruptedException {
    AtomicLong interruptedAt = new AtomicLong();
    AtomicLong endedAt = new AtomicLong();
    AtomicReference<Thread> builder = new AtomicReference<>();
    Thread build =
        new Thread(
            () -> {
              try {
                new FitPipeline(options, 10, false, null)
                    .observedBy(
                        stage -> {
                          if (stage == target) {
                            interruptLater(builder.get(), delay, interruptedAt);
                          }
                        })
                    .fit(data);
              } catch (Exception e) {
                // Expected: the interrupt ends the build with an exception.
              } finally {
                endedAt.set(System.nanoTime());
              }
            });
    builder.set(build);
    build.start();
    build.join();
    return interruptedAt.get() == 0 || interruptedAt.get() > endedAt.get()
        ? -1
        : endedAt.get() - interruptedAt.get();
  }

  private static void interruptLater(Thread thread, long delay, AtomicLong interruptedAt) {
    Thread timer =
        new Thread(
            () -> {
              try {
                Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              interruptedAt.set(System.nanoTime());
              thread.interrupt();
            });
    timer.setDaemon(true);
    timer.start();
  }
}
