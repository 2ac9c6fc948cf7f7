package io.github.fastkmeans.weka;

import weka.core.Capabilities;
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

  @Override
  public double weight(int row) {
    return data.instance(row).weight();
  }

  @Override
  public void test(Capabilities capabilities) throws WekaException {
    try {
      capabilities.testWithFail(data);
    } catch (WekaException e) {
      throw e;
    } catch (Exception e) {
      throw new WekaException(e.getMessage(), e);
    }
  }
}
