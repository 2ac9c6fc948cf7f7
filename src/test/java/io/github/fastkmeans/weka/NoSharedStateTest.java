package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import weka.clusterers.FastKMeans;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * No static mutable state in the main code: no static field that is not final, and no static final
 * array, collection or map that other classes can reach (a private one is encapsulated). Every
 * serializable class declares its serialVersionUID.
 */
class NoSharedStateTest {

  /** Every class compiled from src/main. */
  static List<Class<?>> mainClasses() throws IOException, ClassNotFoundException {
    Path root;
    try {
      root =
          Paths.get(FastKMeans.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> names;
    try (Stream<Path> files = Files.walk(root)) {
      names =
          files
              .map(root::relativize)
              .map(Path::toString)
              .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
              .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .collect(Collectors.toList());
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      classes.add(Class.forName(name, false, NoSharedStateTest.class.getClassLoader()));
    }
    assertTrue(classes.contains(FastKMeans.class) && classes.size() > 20, names.toString());
    return classes;
  }

  /** The classes compiled from the vector kernel's source folder, with the incubator module. */
  private static final List<String> VECTOR_KERNEL_CLASSES =
      List.of(
          "io.github.fastkmeans.engine.VectorBlockSweep",
          "io.github.fastkmeans.engine.VectorTileSweep");

  @Test
  void noStaticMutableState() throws Exception {
    List<String> offenders = new ArrayList<>();
    boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    for (Class<?> type : mainClasses()) {
      if (!vectorModule && VECTOR_KERNEL_CLASSES.contains(type.getName().replaceAll("\\$.*", ""))) {
        // Their fields are vectors, which do not resolve without the module; the build's second
        // test run, which has the module, checks them.
        continue;
      }
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || field.isSynthetic()) {
          continue;
        }
        String name = type.getName() + "." + field.getName();
        if (!Modifier.isFinal(modifiers)) {
          offenders.add(name + " is static but not final");
          continue;
        }
        if (Modifier.isPrivate(modifiers) || field.isEnumConstant()) {
          continue;
        }
        Class<?> fieldType = field.getType();
        if (fieldType.isArray()) {
          offenders.add(name + " is a reachable static array");
        } else if (Collection.class.isAssignableFrom(fieldType)
            || Map.class.isAssignableFrom(fieldType)) {
          field.setAccessible(true);
          Object value = field.get(null);
          if (!isUnmodifiable(value)) {
            offenders.add(name + " is a reachable modifiable " + value.getClass().getName());
          }
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  private static boolean isUnmodifiable(Object value) {
    String className = value.getClass().getName();
    return className.startsWith("java.util.Collections$Unmodifiable")
        || className.startsWith("java.util.ImmutableCollections$");
  }

  @Test
  void optionTagsAreNewOnEveryCall() {
    FastKMeans kmeans = new FastKMeans();
    Tag[] first = kmeans.getInitializationMethod().getTags();
    first[0].setIDStr("tampered");
    first[1] = new Tag(9, "x", "x", false);
    Tag[] second = kmeans.getInitializationMethod().getTags();
    assertNotSame(first, second);
    assertEquals("random", second[0].getIDStr());
    assertEquals("kmeans++", second[1].getIDStr());
    assertFalse(Arrays.toString(kmeans.getNormalization().getTags()).contains("tampered"));
    // A selection made from tampered tags still maps to the real ids.
    Tag[] tampered = new FastKMeans().getInitializationMethod().getTags();
    tampered[0].setReadable("tampered");
    kmeans.setInitializationMethod(new SelectedTag(2, tampered));
    assertEquals("farthest-first", kmeans.getInitializationMethod().getSelectedTag().getIDStr());
  }

  @Test
  void everySerializableClassDeclaresItsSerialVersionUid() throws Exception {
    List<String> missing = new ArrayList<>();
    for (Class<?> type : mainClasses()) {
      if (!Serializable.class.isAssignableFrom(type) || type.isEnum() || type.isInterface()) {
        continue;
      }
      try {
        Field uid = type.getDeclaredField("serialVersionUID");
        int modifiers = uid.getModifiers();
        if (!Modifier.isStatic(modifiers)
            || !Modifier.isFinal(modifiers)
            || uid.getType() != long.class) {
          missing.add(type.getName() + " (not static final long)");
        }
      } catch (NoSuchFieldException e) {
        missing.add(type.getName());
      }
    }
    assertEquals(List.of(), missing);
  }
}
