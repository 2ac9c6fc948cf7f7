package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.Choice;
import java.beans.BeanInfo;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.clusterers.FastKMeans;
import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Utils;

/** Every row of {@link OptionTable}, through the scheme's command line, help and GUI properties. */
class OptionTableTest {

  static Stream<OptionSpec<?>> rows() {
    return OptionTable.ALL.stream();
  }

  /** A valid value other than the default, as command-line text. */
  private static String otherValue(OptionSpec<?> spec) {
    Object value = spec.defaultValue();
    if (value instanceof Integer) {
      return Integer.toString((Integer) value + 1);
    }
    if (value instanceof Double) {
      return Double.toString((Double) value + 0.5);
    }
    if (value instanceof Choice) {
      for (Choice choice : value.getClass().asSubclass(Choice.class).getEnumConstants()) {
        if (choice != value) {
          return choice.id();
        }
      }
    }
    if (value instanceof File) {
      return "centres.arff";
    }
    throw new AssertionError("No other value for " + value);
  }

  /** The text of {@code spec}'s value in the scheme's getOptions, or null when absent. */
  private static String valueIn(String[] options, OptionSpec<?> spec) {
    for (int i = 0; i < options.length; i++) {
      if (options[i].equals("-" + spec.flag())) {
        return spec.isSwitch() ? "true" : options[i + 1];
      }
    }
    return null;
  }

  /** The GUI property whose tip text is {@code spec}'s description; exactly one must exist. */
  private static PropertyDescriptor property(OptionSpec<?> spec) throws Exception {
    BeanInfo info = Introspector.getBeanInfo(FastKMeans.class);
    List<PropertyDescriptor> matching = new ArrayList<>();
    for (PropertyDescriptor property : info.getPropertyDescriptors()) {
      Method tip;
      try {
        tip = FastKMeans.class.getMethod(property.getName() + "TipText");
      } catch (NoSuchMethodException e) {
        continue;
      }
      if (spec.description().equals(tip.invoke(new FastKMeans()))) {
        matching.add(property);
      }
    }
    assertEquals(1, matching.size(), "-" + spec.flag() + " properties: " + matching);
    return matching.get(0);
  }

  @ParameterizedTest
  @MethodSource("rows")
  void aValueRoundTripsThroughTheCommandLineAndTheGuiProperty(OptionSpec<?> spec) throws Exception {
    String text = spec.isSwitch() ? null : otherValue(spec);
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(
        spec.isSwitch()
            ? new String[] {"-" + spec.flag()}
            : new String[] {"-" + spec.flag(), text});
    String[] written = kmeans.getOptions();
    assertEquals(
        spec.isSwitch() ? "true" : text, valueIn(written, spec), String.join(" ", written));

    FastKMeans copy = new FastKMeans();
    copy.setOptions(written.clone());
    assertEquals(List.of(written), List.of(copy.getOptions()));

    Object property = property(spec).getReadMethod().invoke(copy);
    Object shown =
        property instanceof SelectedTag
            ? ((SelectedTag) property).getSelectedTag().getIDStr()
            : property;
    assertEquals(spec.isSwitch() ? "true" : text, String.valueOf(shown));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void theHelpShowsTheDescriptionAndTheRealDefault(OptionSpec<?> spec) throws Exception {
    Option option = null;
    for (Option listed : Collections.list(new FastKMeans().listOptions())) {
      if (listed.name().equals(spec.flag())) {
        option = listed;
      }
    }
    assertTrue(option != null, "-" + spec.flag() + " is listed");
    String help = option.description().replace("\n\t", " ").replace("\t", "").trim();
    if (spec.isSwitch()) {
      assertEquals(spec.description(), help);
      assertEquals(0, option.numArguments());
      assertFalse(
          Utils.joinOptions(new FastKMeans().getOptions()).contains("-" + spec.flag() + " "));
      return;
    }
    String defaultLine = "(default " + spec.defaultText() + ").";
    assertEquals(spec.description() + " " + defaultLine, help);
    // The default the help states is what a scheme that was given nothing reports.
    String reported = valueIn(new FastKMeans().getOptions(), spec);
    if (reported != null) {
      assertEquals(spec.defaultValue(), spec.parse(reported));
      assertEquals(spec.defaultValue(), spec.parse(spec.defaultText()));
    } else if (spec == OptionTable.THREADS) {
      // Left out at its default, so that a command line means "all processors" anywhere.
      assertEquals(
          Runtime.getRuntime().availableProcessors(), new FastKMeans().getNumExecutionSlots());
    } else if (spec == OptionTable.INIT_FILE) {
      assertEquals("none", spec.defaultText());
      assertEquals("", new FastKMeans().getInitFile().getPath());
    } else {
      // Left out at its default (the options of a search for k, off by default).
      assertEquals(spec.defaultValue(), spec.parse(spec.defaultText()));
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void aBadValueIsRefusedNamingTheFlag(OptionSpec<?> spec) throws Exception {
    Object value = spec.defaultValue();
    List<String> bad = new ArrayList<>();
    if (value instanceof Integer || value instanceof Double) {
      bad.add("-1");
      bad.add("x");
    } else if (value instanceof Choice) {
      bad.add("nonsense");
    }
    for (String text : bad) {
      FastKMeans kmeans = new FastKMeans();
      String before = Utils.joinOptions(kmeans.getOptions());
      InvalidOptionException e =
          assertThrows(
              InvalidOptionException.class,
              () -> kmeans.setOptions(new String[] {"-" + spec.flag(), text}));
      assertTrue(e.getMessage().startsWith("Option -" + spec.flag() + " "), e.getMessage());
      assertTrue(e.getMessage().contains(text), e.getMessage());
      assertEquals(before, Utils.joinOptions(kmeans.getOptions()), "nothing changed");
    }
    if (value instanceof Integer || value instanceof Double) {
      Method setter = property(spec).getWriteMethod();
      Object negative = value instanceof Integer ? (Object) (-1) : (Object) (-1.0);
      Exception e = assertThrows(Exception.class, () -> setter.invoke(new FastKMeans(), negative));
      assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
      assertTrue(e.getCause().getMessage().startsWith("Option -" + spec.flag() + " "));
    }
  }
}
