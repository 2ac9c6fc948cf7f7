package io.github.fastkmeans.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes took while a system was timed (Linux /proc only): the machine's busy
 * time minus this JVM's own (with its finished child processes, i.e. the Python subprocess), as the
 * average number of cores they kept busy. A benchmark on a shared machine can then say which rows
 * were measured while something else ran.
 */
final class CpuMonitor {

  /** Shorter windows are not judged: /proc/stat counts in steps of 10 ms per core. */
  static final double MIN_WINDOW_SECONDS = 1.0;

  /** busy and total jiffies of the whole machine, and this process's own (with reaped children). */
  private final long busy;

  private final long total;
  private final long own;
  private final boolean valid;

  private CpuMonitor(long busy, long total, long own, boolean valid) {
    this.busy = busy;
    this.total = total;
    this.own = own;
    this.valid = valid;
  }

  static CpuMonitor snapshot() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal [guest guest_nice] (guest is inside
      // user)
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      long busy = user + nice + system + irq + softirq + steal;
      String self = Files.readString(Path.of("/proc/self/stat"));
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      String[] s = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
      // s[0] is field 3 (state): utime, stime, cutime, cstime are fields 14 to 17.
      long own =
          Long.parseLong(s[11])
              + Long.parseLong(s[12])
              + Long.parseLong(s[13])
              + Long.parseLong(s[14]);
      return new CpuMonitor(busy, busy + idle + iowait, own, true);
    } catch (IOException | RuntimeException e) {
      return new CpuMonitor(0, 0, 0, false);
    }
  }

  /**
   * The average number of cores other processes kept busy between {@code this} and {@code later};
   * NaN when /proc cannot be read or too little time passed.
   */
  double othersSince(CpuMonitor later) {
    long dt = later.total - total;
    if (!valid || !later.valid || dt <= 0) {
      return Double.NaN;
    }
    long others = (later.busy - busy) - (later.own - own);
    int cores = Runtime.getRuntime().availableProcessors();
    return Math.max(0, others) * (double) cores / dt;
  }
}
