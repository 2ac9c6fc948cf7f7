package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's standard clusterer conformance checks (AbstractClustererTest) for default FastKMeans. */
public class FastKMeansTest extends AbstractClustererTest {

  /** Creates the named test case. */
  public FastKMeansTest(String name) {
    super(name);
  }

  /** A FastKMeans with its default options. */
  @Override
  public Clusterer getClusterer() {
    return new FastKMeans();
  }

  /** All of Weka's clusterer checks for FastKMeans. */
  public static Test suite() {
    return new TestSuite(FastKMeansTest.class);
  }
}
