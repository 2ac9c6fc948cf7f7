package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weka's package manager removes the package cleanly, after which Weka no longer finds it. */
class PackageUninstallIT {

  @TempDir Path temp;

  @Test
  void uninstallRemovesEveryTrace() throws Exception {
    WekaInstallation weka = WekaInstallation.weka38(temp);
    assertEquals(0, weka.install(WekaInstallation.packageZip()).exitCode());
    Path installed = weka.home().resolve("packages/FastKMeans");
    assertTrue(Files.isDirectory(installed));

    ChildJvm.Result uninstall =
        weka.run("weka.core.WekaPackageManager", "-offline", "-uninstall-package", "FastKMeans");
    assertEquals(0, uninstall.exitCode(), uninstall.toString());
    assertFalse(Files.exists(installed), "package folder removed");

    ChildJvm.Result list =
        weka.run("weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertFalse(list.stdout().contains("FastKMeans"), list.toString());

    String iris =
        WekaInstallation.baseDir().resolve("src/test/resources/datasets/iris/iris.arff").toString();
    ChildJvm.Result run = weka.run("weka.Run", "weka.clusterers.FastKMeans", "-t", iris, "-N", "3");
    assertFalse(run.stdout().contains("Number of clusters: 3"), run.toString());
    assertNotEquals("", run.stderr().trim(), "Weka says the scheme cannot be found\n" + run);
  }
}
