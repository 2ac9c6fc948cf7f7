package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** README.md's table of options names every option of {@link OptionTable} with its real default. */
class ReadmeOptionsTest {

  /** Weka's own options of every randomizable clusterer, which the README lists too. */
  private static final Set<String> INHERITED =
      Set.of("S", "output-debug-info", "do-not-check-capabilities");

  @Test
  void theReadmeTableShowsEveryOptionWithItsDefault() throws Exception {
    List<String> readme = Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8);
    Map<String, String> defaults = new LinkedHashMap<>();
    List<String> section =
        readme.subList(readme.indexOf("## Options"), readme.indexOf("## Data semantics"));
    for (String line : section) {
      if (line.startsWith("| `-")) {
        String[] cells = line.split("(?<!\\\\)\\|");
        String flag = cells[1].trim().replaceAll("^`-([^ `]+).*$", "$1");
        defaults.put(flag, cells[2].trim().replace("`", ""));
      }
    }
    for (OptionSpec<?> spec : OptionTable.ALL) {
      String expected = spec.isSwitch() ? "off" : spec.defaultText();
      assertEquals(expected, defaults.get(spec.flag()), "README's default of -" + spec.flag());
    }
    for (String flag : defaults.keySet()) {
      boolean known = INHERITED.contains(flag);
      for (OptionSpec<?> spec : OptionTable.ALL) {
        known |= spec.flag().equals(flag);
      }
      assertTrue(known, "README lists -" + flag + ", which FastKMeans does not have");
    }
  }
}
