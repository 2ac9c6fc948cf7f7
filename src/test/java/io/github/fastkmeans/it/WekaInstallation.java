package io.github.fastkmeans.it;

import io.github.fastkmeans.testing.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain Weka installation for integration tests: Weka's class path as Maven resolved it, and a
 * throw-away Weka home. Every command runs in a fresh JVM ({@link ChildJvm}), offline, as a user
 * would run it.
 */
public final class WekaInstallation {

  private final String classPath;
  private final Path wekaHome;

  private WekaInstallation(String classPath, Path wekaHome) {
    this.classPath = classPath;
    this.wekaHome = wekaHome;
  }

  /**
   * Weka 3.8 (the version the package is built against) with a new, empty home under {@code dir}.
   */
  public static WekaInstallation weka38(Path dir) throws IOException {
    String classPath =
        Files.readString(Paths.get(property("fastkmeans.weka.classpath")), StandardCharsets.UTF_8)
            .trim();
    return new WekaInstallation(classPath, Files.createDirectories(dir.resolve("wekafiles")));
  }

  /** Weka 3.9 (weka-dev) with a new, empty home under {@code dir}. */
  public static WekaInstallation weka39(Path dir) throws IOException {
    List<String> jars = new ArrayList<>();
    File[] files = new File(property("fastkmeans.weka39.dir")).listFiles();
    if (files == null) {
      throw new IOException("No Weka 3.9 jars in " + property("fastkmeans.weka39.dir"));
    }
    for (File jar : files) {
      jars.add(jar.getAbsolutePath());
    }
    return new WekaInstallation(
        String.join(File.pathSeparator, jars), Files.createDirectories(dir.resolve("wekafiles")));
  }

  /** A system property the build sets for integration tests. */
  public static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set; run the integration tests through Maven.");
    }
    return value;
  }

  /**
   * The Java options the build gives every Weka command (pom.xml's {@code weka.jvm.args}, which the
   * try profile uses too): the module opening Weka needs on JDK 17 and the quiet netlib setting.
   */
  public static List<String> jvmArgs() {
    List<String> args = new ArrayList<>();
    for (String arg : property("fastkmeans.weka.jvm.args").trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        args.add(arg);
      }
    }
    return args;
  }

  /** The package zip built by this build. */
  public static Path packageZip() {
    return Paths.get(property("fastkmeans.package.zip"));
  }

  /** The project's base directory. */
  public static Path baseDir() {
    return Paths.get(property("fastkmeans.basedir"));
  }

  /** The throw-away Weka home. */
  public Path home() {
    return wekaHome;
  }

  /** Weka's class path (without the package, which Weka loads from its home). */
  public String classPath() {
    return classPath;
  }

  /**
   * A fresh JVM as Weka's launcher starts one, on {@code fullClassPath} (Weka's and perhaps more),
   * with this throw-away home, offline and headless.
   */
  public ChildJvm jvm(String fullClassPath) {
    return ChildJvm.withClassPath(fullClassPath)
        // The flag Weka's own launcher passes on JDK 17, without which package jars do not load.
        // The flag Weka's own launcher passes on JDK 17, and the build's Java options for Weka.
        .withFlags("-Xmx1g", "--add-opens=java.base/sun.net.www.protocol.jar=ALL-UNNAMED")
        .withFlags(jvmArgs().toArray(new String[0]))
        .withProperty("WEKA_HOME", wekaHome.toString())
        .withProperty("weka.packageManager.offline", "true")
        .withProperty("java.awt.headless", "true")
        .withEnvironment("WEKA_HOME", wekaHome.toString());
  }

  /** Runs {@code mainClass} with {@code args} in a fresh JVM on Weka's class path. */
  public ChildJvm.Result run(String mainClass, String... args)
      throws IOException, InterruptedException {
    return jvm(classPath).run(mainClass, args);
  }

  /** Installs the package zip with Weka's package manager. */
  public ChildJvm.Result install(Path zip) throws IOException, InterruptedException {
    return run("weka.core.WekaPackageManager", "-offline", "-install-package", zip.toString());
  }
}
