package io.github.fastkmeans.it;

import java.net.URL;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.swing.tree.DefaultMutableTreeNode;
import weka.core.WekaPackageClassLoaderManager;
import weka.gui.GenericObjectEditor;
import weka.gui.GenericPropertiesCreator;
import weka.gui.knowledgeflow.StepTree;

/** Prints whether Weka's class discovery (GOE, KnowledgeFlow palette) finds FastKMeans. */
public final class DiscoveryProbe {

  private static final String[] CLUSTERERS = {
    "weka.clusterers.SimpleKMeans", "weka.clusterers.FastKMeans"
  };

  private DiscoveryProbe() {}

  /** Prints GOE, STEPTREE, PALETTE and SOURCE lines for SimpleKMeans (control) and FastKMeans. */
  public static void main(String[] args) {
    GenericObjectEditor.determineClasses();
    Properties goe = GenericPropertiesCreator.getGlobalOutputProperties();
    String listed = goe == null ? "" : goe.getProperty("weka.clusterers.Clusterer", "");
    List<String> clusterers =
        Arrays.stream(listed.split(",")).map(String::trim).collect(Collectors.toList());

    PaletteTree palette = new PaletteTree();
    for (String name : CLUSTERERS) {
      System.out.println("GOE " + name + "=" + clusterers.contains(name));
      DefaultMutableTreeNode node = palette.nodeFor(name);
      System.out.println("STEPTREE " + name + "=" + (node != null));
      System.out.println("PALETTE " + name + "=" + (node == null ? "" : path(node)));
      System.out.println("SOURCE " + name + "=" + source(name));
    }
    DefaultMutableTreeNode step = palette.nodeFor(STREAM_STEP);
    System.out.println("PALETTE " + STREAM_STEP + "=" + (step == null ? "" : path(step)));
    System.exit(0);
  }

  /** The package's KnowledgeFlow step, registered through its PluginManager.props. */
  static final String STREAM_STEP = "io.github.fastkmeans.weka.FastKMeansStream";

  /** The palette's node path, e.g. Weka/Clusterers/FastKMeans. */
  private static String path(DefaultMutableTreeNode node) {
    return Arrays.stream(node.getPath()).map(Object::toString).collect(Collectors.joining("/"));
  }

  /** Where Weka's package class loaders find {@code name}, or "absent". */
  private static String source(String name) {
    try {
      CodeSource code =
          WekaPackageClassLoaderManager.forName(name).getProtectionDomain().getCodeSource();
      URL location = code == null ? null : code.getLocation();
      return location == null ? "unknown" : location.toString();
    } catch (ClassNotFoundException | RuntimeException e) {
      return "absent";
    }
  }

  /** The KnowledgeFlow design palette, built headless, with its node index exposed. */
  private static final class PaletteTree extends StepTree {
    private static final long serialVersionUID = 1L;

    PaletteTree() {
      super(null);
    }

    /** The palette leaf of an algorithm (index keys: lower-case class name, space, tip text). */
    DefaultMutableTreeNode nodeFor(String className) {
      String prefix = className.toLowerCase() + " ";
      for (Map.Entry<String, DefaultMutableTreeNode> e : getNodeTextIndex().entrySet()) {
        if (e.getKey().startsWith(prefix)) {
          return e.getValue();
        }
      }
      return null;
    }
  }
}
