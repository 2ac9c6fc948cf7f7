package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ant build (build_package.xml), run on a copy of the project, makes the same package zip as
 * Maven.
 */
class AntPackageIT {

  /**
   * Build outputs and version control: not sources, and a stale dist/ must not leak into the run.
   */
  private static final Set<String> NOT_COPIED = Set.of("target", "build", "dist", ".git", ".idea");

  /** Class-file major version of Java 11, the release both builds compile for. */
  private static final int JAVA_11 = 55;

  /** Class-file major version of Java 17, the release of the Vector API kernel. */
  private static final int JAVA_17 = 61;

  /** The Vector API kernel's classes, compiled for Java 17 with the incubator module. */
  private static final Set<String> VECTOR_KERNEL =
      Set.of(
          "io/github/fastkmeans/engine/VectorBlockSweep.class",
          "io/github/fastkmeans/engine/VectorTileSweep.class",
          "io/github/fastkmeans/engine/VectorTileSweep$VectorTile.class");

  @TempDir static Path temp;
  private static WekaInstallation weka;
  private static ZipFile antZip;
  private static ZipFile mavenZip;

  /** Runs {@code make_package} once on a copy of the project; every test reads its zip. */
  @BeforeAll
  static void runAntMakePackage() throws Exception {
    weka = WekaInstallation.weka38(temp);
    Path project = temp.resolve("project");
    copyProject(WekaInstallation.baseDir(), project);
    ChildJvm.Result build = ant(project, weka.classPath(), "make_package", "-Dpackage=FastKMeans");
    assertEquals(0, build.exitCode(), build.toString());
    assertTrue(build.stdout().contains("BUILD SUCCESSFUL"), build.toString());
    Path zip = project.resolve("dist/FastKMeans.zip");
    assertTrue(Files.isRegularFile(zip), "no dist/FastKMeans.zip\n" + build);
    antZip = new ZipFile(zip.toFile());
    mavenZip = new ZipFile(WekaInstallation.packageZip().toFile());
  }

  /** Closes both zips so that the temporary folder can be removed. */
  @AfterAll
  static void closeZips() throws IOException {
    for (ZipFile zip : new ZipFile[] {antZip, mavenZip}) {
      if (zip != null) {
        zip.close();
      }
    }
  }

  /** Both zips hold the same entries, API docs aside, and each has its API docs and no Weka jar. */
  @Test
  void zipsHoldTheSameEntriesOutsideTheApiDocs() {
    SortedSet<String> ant = entriesOutsideApiDocs(antZip);
    SortedSet<String> maven = entriesOutsideApiDocs(mavenZip);
    assertSameNames(maven, ant, "zip entries outside doc/api/");
    for (String required :
        List.of(
            "Description.props",
            "FastKMeans.jar",
            "doc/README.md",
            "doc/LICENSE",
            "src/main/java/weka/clusterers/FastKMeans.java")) {
      assertTrue(ant.contains(required), required + " missing from the Ant zip: " + ant);
    }
    // Two javadoc runs may differ in detail (links, generator version), so only ask for the docs.
    assertTrue(antZip.getEntry("doc/api/index.html") != null, "Ant zip has no doc/api/index.html");
    assertTrue(
        mavenZip.getEntry("doc/api/index.html") != null, "Maven zip has no doc/api/index.html");
    // Weka must come from the installation, never from inside the package.
    for (ZipFile zip : List.of(antZip, mavenZip)) {
      for (String name : entries(zip)) {
        assertFalse(name.startsWith("lib/"), zip.getName() + " has " + name);
        assertFalse(name.matches("(.*/)?weka[^/]*\\.jar"), zip.getName() + " has " + name);
      }
    }
  }

  /**
   * Both jars hold the same class files, all compiled for Java 11 but the Vector API kernel, for
   * Java 17 (the engine reaches it only where it can run).
   */
  @Test
  void jarsHoldTheSameClassesForJava11() throws IOException {
    SortedMap<String, Integer> ant = classVersions(antZip);
    SortedMap<String, Integer> maven = classVersions(mavenZip);
    assertTrue(maven.containsKey("weka/clusterers/FastKMeans.class"), maven.keySet().toString());
    assertSameNames(maven.keySet(), ant.keySet(), "classes in FastKMeans.jar");
    for (String kernel : VECTOR_KERNEL) {
      assertEquals(JAVA_17, ant.remove(kernel), "Ant's " + kernel);
      assertEquals(JAVA_17, maven.remove(kernel), "Maven's " + kernel);
    }
    assertEquals(Set.of(JAVA_11), Set.copyOf(ant.values()), "Ant's class-file versions: " + ant);
    assertEquals(
        Set.of(JAVA_11), Set.copyOf(maven.values()), "Maven's class-file versions: " + maven);
  }

  /** Description.props is the project's file, byte for byte, in both zips. */
  @Test
  void descriptionPropsIsTheSameBytes() throws IOException {
    byte[] project = Files.readAllBytes(WekaInstallation.baseDir().resolve("Description.props"));
    assertArrayEquals(project, bytes(mavenZip, "Description.props"));
    assertArrayEquals(project, bytes(antZip, "Description.props"));
  }

  /** The shipped sources and documents are the same bytes in both zips. */
  @Test
  void sourcesAndDocumentsAreTheSameBytes() throws IOException {
    for (String name : entriesOutsideApiDocs(mavenZip)) {
      if (!name.endsWith("/") && !name.equals("FastKMeans.jar")) {
        assertArrayEquals(bytes(mavenZip, name), bytes(antZip, name), name);
      }
    }
  }

  /** The Ant zip installs into a fresh Weka home and clusters iris from Weka's command line. */
  @Test
  void antZipInstallsAndClustersIris() throws Exception {
    ChildJvm.Result installed = weka.install(Paths.get(antZip.getName()));
    assertEquals(0, installed.exitCode(), installed.toString());
    assertTrue(Files.isRegularFile(weka.home().resolve("packages/FastKMeans/FastKMeans.jar")));
    Path iris = WekaInstallation.baseDir().resolve("src/test/resources/datasets/iris/iris.arff");
    ChildJvm.Result run = weka.run("weka.Run", "FastKMeans", "-t", iris.toString(), "-N", "3");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.stdout().contains("FastKMeans\n=========="), run.toString());
    assertTrue(run.stdout().contains("Number of clusters: 3"), run.toString());
    assertTrue(run.stdout().contains("Final cluster centroids:"), run.toString());
    assertTrue(run.stdout().contains("Clustered Instances"), run.toString());
    // Weka's JVM runs without jdk.incubator.vector: the package loads and says which kernel ran.
    assertTrue(run.stdout().contains("Assignment kernel: "), run.toString());
  }

  /**
   * Copies the project without its build outputs, so that Ant writes nothing into the repository.
   */
  private static void copyProject(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files =
          walk.filter(path -> !path.equals(from))
              .filter(path -> !NOT_COPIED.contains(from.relativize(path).getName(0).toString()))
              .collect(Collectors.toList());
    }
    Files.createDirectories(to);
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      if (Files.isDirectory(file)) {
        Files.createDirectories(target);
      } else {
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** Runs Ant from Maven Central's jars in a fresh JVM in {@code dir}, Weka on CLASSPATH. */
  private static ChildJvm.Result ant(Path dir, String wekaClassPath, String... args)
      throws IOException, InterruptedException {
    List<String> antArgs =
        new ArrayList<>(List.of("-nouserlib", "-noinput", "-f", "build_package.xml"));
    Collections.addAll(antArgs, args);
    return ChildJvm.withClassPath(antClassPath())
        .withFlags("-Xmx512m")
        // An empty Ant home and -nouserlib: no jars from an installed Ant or ~/.ant/lib join the
        // run.
        .withProperty("ant.home", Files.createDirectories(temp.resolve("ant-home")).toString())
        .inDirectory(dir)
        // How Weka's packages are built: Weka comes from the CLASSPATH environment variable.
        .withEnvironment("CLASSPATH", wekaClassPath)
        .withoutEnvironment("ANT_HOME")
        .withoutEnvironment("ANT_OPTS")
        .withoutEnvironment("ANT_ARGS")
        .withTimeout(Duration.ofMinutes(3))
        .run("org.apache.tools.ant.launch.Launcher", antArgs.toArray(new String[0]));
  }

  /** ant.jar and ant-launcher.jar, which the build copies from Maven Central into one folder. */
  private static String antClassPath() throws IOException {
    Path dir = Paths.get(WekaInstallation.property("fastkmeans.ant.dir"));
    List<String> jars;
    try (Stream<Path> list = Files.list(dir)) {
      jars =
          list.filter(path -> path.getFileName().toString().endsWith(".jar"))
              .map(Path::toString)
              .sorted()
              .collect(Collectors.toList());
    }
    assertTrue(
        jars.stream().anyMatch(jar -> jar.contains("ant-launcher")) && jars.size() >= 2,
        "ant and ant-launcher jars expected in " + dir + ": " + jars);
    return String.join(File.pathSeparator, jars);
  }

  /** Fails with the names found in only one of the two builds, rather than both long lists. */
  private static void assertSameNames(Set<String> maven, Set<String> ant, String what) {
    SortedSet<String> onlyMaven = new TreeSet<>(maven);
    onlyMaven.removeAll(ant);
    SortedSet<String> onlyAnt = new TreeSet<>(ant);
    onlyAnt.removeAll(maven);
    assertTrue(
        onlyMaven.isEmpty() && onlyAnt.isEmpty(),
        what + " differ; only Maven's: " + onlyMaven + "; only Ant's: " + onlyAnt);
  }

  /** Every entry name of {@code zip}. */
  private static SortedSet<String> entries(ZipFile zip) {
    return zip.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Entry names outside doc/api/, whose content is javadoc's and may differ between the builds. */
  private static SortedSet<String> entriesOutsideApiDocs(ZipFile zip) {
    SortedSet<String> names = entries(zip);
    names.removeIf(name -> name.startsWith("doc/api/"));
    return names;
  }

  /** The bytes of entry {@code name}, failing if it is missing. */
  private static byte[] bytes(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    assertTrue(entry != null, name + " missing from " + zip.getName());
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  /** Class-file major version of every class in the package's FastKMeans.jar, by entry name. */
  private static SortedMap<String, Integer> classVersions(ZipFile packageZip) throws IOException {
    SortedMap<String, Integer> versions = new TreeMap<>();
    byte[] jar = bytes(packageZip, "FastKMeans.jar");
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().endsWith(".class")) {
          byte[] header = in.readNBytes(8);
          // Bytes 0-3 are 0xCAFEBABE, 4-5 the minor and 6-7 the major version.
          versions.put(entry.getName(), ((header[6] & 0xff) << 8) | (header[7] & 0xff));
        }
      }
    }
    return versions;
  }
}
