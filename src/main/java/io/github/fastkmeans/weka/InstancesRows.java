package io.github.fastkmeans.weka;

import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/** The rows of a Weka data set, read in place. */
final class InstancesRows implements TrainingRows {

  private final Instances data;
  private final Instances header;

  InstancesRows(Instances data) {
    this.data = data;
    this.header = new Instances(data, 0);
  }

  @Override
  public Instances header() {
    return header;
  }

  @Override
  public int count() {
    return data.numInstances();
  }

  @Override
  public double value(int row, int attribute) {
    return data.instance(row).value(attribute);
  }

  /**
   * One look-up of the instance, then a loop the JIT unrolls: read a value a call, 64 numeric
   * attributes took 2.3 times as long (145 against 63 ms for a million rows).
   */
  @Override
  public void copyValues(int row, int attribute, int count, double[] into, int at) {
    Instance instance = data.instance(row);
    for (int i = 0; i < count; i++) {
      into[at + i] = instance.value(attribute + i);
    }
  }

  @Override
  public double weight(int row) {
    return data.instance(row).weight();
  }

  /**
   * Tests the data, or only their header when no row could be refused: Weka's test of the rows
   * looks at every value for missing ones and counts the rows, and capabilities that allow missing
   * values of every kind and need no rows make both checks pass whatever the rows hold.
   */
  @Override
  public void test(Capabilities capabilities) throws WekaException {
    boolean rowsCannotFail =
        capabilities.handles(Capability.MISSING_VALUES)
            && capabilities.handles(Capability.MISSING_CLASS_VALUES)
            && capabilities.getMinimumNumberInstances() == 0;
    CapabilityCheck.run(() -> capabilities.testWithFail(rowsCannotFail ? header : data));
  }
}
