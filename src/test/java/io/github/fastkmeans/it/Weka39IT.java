package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same zip installs and runs under Weka's 3.9 line (weka-dev). */
class Weka39IT {

  @TempDir Path temp;

  @Test
  void installsListsAndClustersUnderWeka39() throws Exception {
    WekaInstallation weka = WekaInstallation.weka39(temp);
    assertTrue(weka.classPath().contains("weka-dev-3.9"), weka.classPath());
    ChildJvm.Result install = weka.install(WekaInstallation.packageZip());
    assertEquals(0, install.exitCode(), install.toString());

    ChildJvm.Result list =
        weka.run("weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertTrue(
        Pattern.compile("0\\.1\\.0\\s+\\S+\\s+Yes\\s+FastKMeans:").matcher(list.stdout()).find(),
        list.toString());

    String iris =
        WekaInstallation.baseDir().resolve("src/test/resources/datasets/iris/iris.arff").toString();
    ChildJvm.Result run = weka.run("weka.Run", "FastKMeans", "-t", iris, "-N", "3");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.stdout().contains("Number of clusters: 3"), run.toString());
    assertTrue(run.stdout().contains("Clustered Instances"), run.toString());
  }
}
