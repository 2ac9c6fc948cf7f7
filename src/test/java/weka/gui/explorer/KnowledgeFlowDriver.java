package weka.gui.explorer;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import weka.gui.GenericObjectEditor;
import weka.gui.LookAndFeel;
import weka.gui.knowledgeflow.KnowledgeFlowApp;
import weka.gui.knowledgeflow.MainKFPerspective;
import weka.knowledgeflow.Flow;

/**
 * Opens a flow file in the real Weka KnowledgeFlow (which needs a display) and saves a screenshot
 * of it. Prints {@code KNOWLEDGEFLOW key=value} protocol lines; exits 0 on success and non-zero,
 * with the reason, on any failure. It sits beside {@link ExplorerDriver} to share its PNG writer.
 */
public final class KnowledgeFlowDriver {

  /** The {@code Software} text of every screenshot this driver writes. */
  public static final String PNG_SOFTWARE =
      "FastKMeans ExplorerIT (weka.gui.explorer.KnowledgeFlowDriver)";

  private static final int FRAME_WIDTH = 1100;
  private static final int FRAME_HEIGHT = 640;

  private KnowledgeFlowDriver() {}

  /** Arguments: the flow file (.kf), the screenshot PNG to write. */
  public static void main(String[] args) {
    int status;
    try {
      run(new File(args[0]), new File(args[1]));
      report("status", "ok");
      status = 0;
    } catch (Throwable failure) {
      Throwable cause = failure instanceof InvocationTargetException ? failure.getCause() : failure;
      report("status", "failed: " + cause);
      cause.printStackTrace();
      status = 1;
    }
    // The KnowledgeFlow leaves non-daemon threads behind; end the JVM explicitly either way.
    System.exit(status);
  }

  private static void run(File flowFile, File screenshot) throws Exception {
    ExplorerDriver.onEdt(LookAndFeel::setLookAndFeel);
    // Loads the installed packages, whose PluginManager.props registers FastKMeansStream.
    GenericObjectEditor.determineClasses();
    Flow flow = Flow.loadFlow(flowFile, null);
    report("steps", String.join(",", flow.getFlowName(), String.valueOf(flow.size())));
    JFrame[] frame = new JFrame[1];
    ExplorerDriver.onEdt(
        () -> {
          KnowledgeFlowApp app = new KnowledgeFlowApp();
          MainKFPerspective perspective = (MainKFPerspective) app.getMainPerspective();
          if (perspective.getNumTabs() == 0) {
            perspective.addUntitledTab();
          }
          perspective.getCurrentLayout().setFlow(flow);
          frame[0] = new JFrame("Weka KnowledgeFlow");
          frame[0].setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
          frame[0].getContentPane().add(app);
          frame[0].setBounds(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
          frame[0].setVisible(true);
        });
    ExplorerDriver.onEdt(
        () -> frame[0].getRootPane().paintImmediately(frame[0].getRootPane().getBounds()));
    Toolkit.getDefaultToolkit().sync();
    Robot robot = new Robot();
    robot.waitForIdle();
    Thread.sleep(1000);
    Rectangle bounds = ExplorerDriver.fromEdt(() -> frame[0].getBounds());
    BufferedImage image = robot.createScreenCapture(bounds);
    ExplorerDriver.writePng(image, screenshot, flowFile.getName(), PNG_SOFTWARE);
    report("screenshot", screenshot + " " + image.getWidth() + "x" + image.getHeight());
  }

  private static void report(String key, String value) {
    System.out.println("KNOWLEDGEFLOW " + key + "=" + value);
    System.out.flush();
  }
}
