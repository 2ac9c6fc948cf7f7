package weka.gui.explorer;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.swing.JFrame;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.GenericPropertiesCreator;
import weka.gui.LookAndFeel;

/**
 * Drives the real Weka Explorer in this JVM (which needs a display): clusters a dataset with
 * FastKMeans on the Cluster tab and saves a screenshot. Prints {@code EXPLORER key=value} protocol
 * lines; exits 0 on success and non-zero, with the reason, on any failure.
 */
public final class ExplorerDriver {

  /** The scheme under test, loaded from the installed package rather than the class path. */
  private static final String SCHEME = "weka.clusterers.FastKMeans";

  /** Options set on the scheme before Start is pressed, unless the arguments give others. */
  private static final String DEFAULT_SCHEME_OPTIONS = "-N 3";

  /** Heading that opens FastKMeans' model text. */
  private static final String MODEL_HEADING = "FastKMeans\n==========";

  /** Section that closes FastKMeans' model text. */
  private static final String CENTROIDS_HEADING = "Final cluster centroids";

  /** How long a clustering run may take before the driver gives up. */
  private static final long RUN_TIMEOUT_MILLIS = 60_000;

  /** Frame size that shows the settings, the result list and the output together. */
  private static final int FRAME_WIDTH = 1200;

  /** Frame height; fits a 1280x900 virtual screen. */
  private static final int FRAME_HEIGHT = 850;

  /** The {@code Software} text of every screenshot the driver writes. */
  public static final String PNG_SOFTWARE =
      "FastKMeans ExplorerIT (weka.gui.explorer.ExplorerDriver)";

  /** Java's native metadata format for PNG, which carries the text chunks. */
  public static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";

  private final Path datasetFile;
  private final Path screenshotFile;
  private final Path outputTextFile;
  private final String schemeOptions;
  private JFrame frame;
  private Explorer explorer;
  private ClustererPanel clustererPanel;

  /** A driver for one dataset, its two output files and the scheme's options. */
  private ExplorerDriver(
      Path datasetFile, Path screenshotFile, Path outputTextFile, String schemeOptions) {
    this.datasetFile = datasetFile;
    this.screenshotFile = screenshotFile;
    this.outputTextFile = outputTextFile;
    this.schemeOptions = schemeOptions;
  }

  /**
   * Arguments: dataset (ARFF, class last), screenshot PNG to write, output-area text to write, and
   * optionally the scheme's options as one string (default {@code -N 3}).
   */
  public static void main(String[] args) {
    if (args.length != 3 && args.length != 4) {
      System.err.println(
          "usage: ExplorerDriver <dataset.arff> <screenshot.png> <output.txt> [scheme options]");
      System.exit(2);
    }
    int status;
    try {
      new ExplorerDriver(
              Paths.get(args[0]),
              Paths.get(args[1]),
              Paths.get(args[2]),
              args.length == 4 ? args[3] : DEFAULT_SCHEME_OPTIONS)
          .run();
      report("status", "ok");
      status = 0;
    } catch (Throwable failure) {
      Throwable cause = failure instanceof InvocationTargetException ? failure.getCause() : failure;
      report("status", "failed: " + cause);
      cause.printStackTrace();
      status = 1;
    }
    // The Explorer leaves non-daemon threads behind; end the JVM explicitly either way.
    System.exit(status);
  }

  /** Runs every step in order; any exception means the check failed. */
  private void run() throws Exception {
    // The same start-up as Explorer.main: look and feel, then installed packages, then the window.
    onEdt(LookAndFeel::setLookAndFeel);
    GenericObjectEditor.determineClasses();
    reportSchemeIsListed();
    Instances data = DataSource.read(datasetFile.toString());
    onEdt(this::openExplorer);
    onEdt(() -> explorer.getPreprocessPanel().setInstances(data));
    onEdt(this::selectClusterTab);
    onEdt(this::chooseScheme);
    onEdt(this::useClassesToClustersEvaluation);
    onEdt(() -> clustererPanel.m_StartBut.doClick());
    String output = waitForModelText();
    Files.writeString(outputTextFile, output, StandardCharsets.UTF_8);
    report("output", outputTextFile.toString());
    onEdt(() -> scrollOutputTo(output.indexOf(MODEL_HEADING)));
    onEdt(() -> report("results", String.valueOf(resultCount())));
    onEdt(() -> report("selected-result", clustererPanel.m_History.getSelectedName()));
    saveScreenshot();
  }

  /** How many entries the Cluster tab's result list holds. */
  private int resultCount() {
    return clustererPanel.m_History.getList().getModel().getSize();
  }

  /** Reports whether Weka's class discovery lists the scheme among the clusterers. */
  private static void reportSchemeIsListed() throws Exception {
    String clusterers =
        GenericPropertiesCreator.getGlobalOutputProperties()
            .getProperty("weka.clusterers.Clusterer", "");
    report("listed", String.valueOf(Arrays.asList(clusterers.split(",")).contains(SCHEME)));
  }

  /** Opens the Explorer in a frame of fixed size at the screen's origin. */
  private void openExplorer() {
    explorer = new Explorer();
    frame = new JFrame("Weka Explorer");
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.getContentPane().add(explorer);
    frame.pack();
    frame.setBounds(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
    frame.setVisible(true);
  }

  /** Finds the Cluster panel and brings its tab to the front. */
  private void selectClusterTab() {
    for (Explorer.ExplorerPanel panel : explorer.getPanels()) {
      if (panel instanceof ClustererPanel) {
        clustererPanel = (ClustererPanel) panel;
      }
    }
    if (clustererPanel == null) {
      throw new IllegalStateException("The Explorer has no Cluster panel");
    }
    int tab = explorer.getTabbedPane().indexOfComponent(clustererPanel);
    if (tab < 0 || !explorer.getTabbedPane().isEnabledAt(tab)) {
      throw new IllegalStateException("The Cluster tab is missing or disabled (tab " + tab + ")");
    }
    explorer.getTabbedPane().setSelectedIndex(tab);
    report("tab", explorer.getTabbedPane().getTitleAt(tab));
  }

  /** Creates the scheme through Weka's package class loader and sets it in the panel's editor. */
  private void chooseScheme() {
    Object scheme;
    try {
      scheme = WekaPackageClassLoaderManager.objectForName(SCHEME);
      ((OptionHandler) scheme).setOptions(Utils.splitOptions(schemeOptions));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create " + SCHEME + " from the installed package", e);
    }
    CodeSource source = scheme.getClass().getProtectionDomain().getCodeSource();
    report("scheme-location", source == null ? "unknown" : source.getLocation().toString());
    clustererPanel.m_ClustererEditor.setValue(scheme);
    report("scheme", schemeLine());
  }

  /** The chosen scheme's class and options, as the Cluster tab shows them (with the package). */
  private String schemeLine() {
    Clusterer chosen = (Clusterer) clustererPanel.m_ClustererEditor.getValue();
    return chosen.getClass().getName()
        + " "
        + Utils.joinOptions(((OptionHandler) chosen).getOptions());
  }

  /** Evaluates against the class attribute (the last one), which the clusterer then never sees. */
  private void useClassesToClustersEvaluation() {
    clustererPanel.m_ClassesToClustersBut.doClick();
    int last = clustererPanel.m_ClassCombo.getItemCount() - 1;
    if (last < 0) {
      throw new IllegalStateException("The class list of the Cluster tab is empty");
    }
    clustererPanel.m_ClassCombo.setSelectedIndex(last);
    report("ignored-class", String.valueOf(clustererPanel.m_ClassCombo.getSelectedItem()));
  }

  /** Waits until the run has finished and the output area holds the model text; returns it. */
  private String waitForModelText() throws Exception {
    long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MILLIS;
    while (true) {
      String text = fromEdt(() -> clustererPanel.m_OutText.getText());
      boolean finished =
          fromEdt(
              () -> clustererPanel.m_RunThread == null && clustererPanel.m_StartBut.isEnabled());
      if (finished && text.contains(MODEL_HEADING) && text.contains(CENTROIDS_HEADING)) {
        report("model-text", "true");
        return text;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "No FastKMeans model text after "
                + RUN_TIMEOUT_MILLIS / 1000
                + " s (run finished: "
                + finished
                + "); output area:\n"
                + text);
      }
      Thread.sleep(200);
    }
  }

  /** Scrolls the output area so that the character at {@code offset} is near the top. */
  private void scrollOutputTo(int offset) {
    try {
      Rectangle line = clustererPanel.m_OutText.modelToView2D(Math.max(offset, 0)).getBounds();
      if (clustererPanel.m_OutText.getParent() instanceof JViewport) {
        JViewport viewport = (JViewport) clustererPanel.m_OutText.getParent();
        int maxY = Math.max(0, clustererPanel.m_OutText.getHeight() - viewport.getHeight());
        viewport.setViewPosition(new Point(0, Math.min(maxY, Math.max(0, line.y - line.height))));
      }
    } catch (javax.swing.text.BadLocationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lets Swing paint, then captures the frame's screen area to the screenshot file. */
  private void saveScreenshot() throws Exception {
    onEdt(() -> frame.toFront());
    onEdt(() -> frame.getRootPane().paintImmediately(frame.getRootPane().getBounds()));
    Toolkit.getDefaultToolkit().sync();
    Robot robot = new Robot();
    robot.waitForIdle();
    Thread.sleep(500);
    Rectangle bounds = fromEdt(() -> frame.getBounds());
    BufferedImage image = robot.createScreenCapture(bounds);
    File parent = screenshotFile.toAbsolutePath().getParent().toFile();
    if (!parent.isDirectory() && !parent.mkdirs()) {
      throw new IllegalStateException("Cannot create " + parent);
    }
    String scheme = fromEdt(this::schemeLine);
    writePng(image, screenshotFile.toFile(), scheme);
    report("screenshot", screenshotFile + " " + image.getWidth() + "x" + image.getHeight());
  }

  /**
   * Writes {@code image} as a PNG whose text chunks say where it comes from: {@code Software} is
   * {@link #PNG_SOFTWARE}, {@code Comment} the scheme's options line as the Explorer shows it.
   */
  static void writePng(BufferedImage image, File file, String scheme) throws Exception {
    writePng(image, file, scheme, PNG_SOFTWARE);
  }

  /**
   * Writes {@code image} as a PNG whose text chunks are {@code Software} = {@code software} and
   * {@code Comment} = {@code comment}.
   */
  static void writePng(BufferedImage image, File file, String comment, String software)
      throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(file)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      IIOMetadataNode text = new IIOMetadataNode("tEXt");
      text.appendChild(textEntry("Software", software));
      text.appendChild(textEntry("Comment", comment));
      IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA_FORMAT);
      root.appendChild(text);
      metadata.mergeTree(PNG_METADATA_FORMAT, root);
      writer.setOutput(output);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
  }

  private static IIOMetadataNode textEntry(String keyword, String value) {
    IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
    entry.setAttribute("keyword", keyword);
    entry.setAttribute("value", value);
    return entry;
  }

  /** Prints one protocol line. */
  private static void report(String key, String value) {
    System.out.println("EXPLORER " + key + "=" + value);
    System.out.flush();
  }

  /** Runs {@code step} on the event dispatch thread and waits for it. */
  static void onEdt(Runnable step) throws Exception {
    SwingUtilities.invokeAndWait(step);
  }

  /** Computes {@code value} on the event dispatch thread and returns it. */
  static <T> T fromEdt(Supplier<T> value) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> result.set(value.get()));
    return result.get();
  }
}
