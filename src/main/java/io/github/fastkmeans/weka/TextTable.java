package io.github.fastkmeans.weka;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned, widths fitted. */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final List<Integer> rulesBefore = new ArrayList<>();

  /** Adds a row of cells. */
  void add(String... cells) {
    rows.add(cells);
  }

  /** Draws a rule of '=' before the next row added. */
  void rule() {
    rulesBefore.add(rows.size());
  }

  @Override
  public String toString() {
    int columns = 0;
    for (String[] row : rows) {
      columns = Math.max(columns, row.length);
    }
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    int total = 0;
    for (int i = 0; i < columns; i++) {
      total += widths[i] + (i == 0 ? 0 : 2);
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r <= rows.size(); r++) {
      if (rulesBefore.contains(r)) {
        text.append("=".repeat(total)).append('\n');
      }
      if (r == rows.size()) {
        break;
      }
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        if (i == 0) {
          line.append(row[i]).append(" ".repeat(widths[0] - row[i].length()));
        } else {
          line.append(" ".repeat(widths[i] - row[i].length() + 2)).append(row[i]);
        }
      }
      text.append(line.toString().replaceAll("\\s+$", "")).append('\n');
    }
    return text.toString();
  }
}
