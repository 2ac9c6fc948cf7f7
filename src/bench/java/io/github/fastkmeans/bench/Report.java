package io.github.fastkmeans.bench;

/** The report: printed to standard output as it grows, and kept for --out. */
final class Report {

  private final StringBuilder text = new StringBuilder();

  void line(String line) {
    System.out.println(line);
    System.out.flush();
    text.append(line).append('\n');
  }

  String text() {
    return text.toString();
  }
}
