package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import weka.core.WekaException;

/** Tests of {@link DataReadWatch}: which printed traces count as a cut read, and threads. */
class DataReadWatchTest {

  private static final String READ_ERROR =
      "java.io.IOException: nominal value not declared in header, read Token[x], line 7\n"
          + "\tat weka.core.converters.ArffLoader$ArffReader.errorMessage(ArffLoader.java:354)\n"
          + "\tat weka.core.converters.ArffLoader.getNextInstance(ArffLoader.java:1327)\n"
          + "\tat weka.core.converters.ConverterUtils$DataSource.hasMoreElements("
          + "ConverterUtils.java:373)\n";

  /** What Weka prints when it meets a class path entry that is not a jar, setting up loaders. */
  private static final String CLASS_PATH_NOISE =
      "java.util.zip.ZipException: zip END header not found\n"
          + "\tat java.base/java.util.zip.ZipFile$Source.findEND(ZipFile.java:1469)\n"
          + "\tat weka.core.converters.ConverterUtils$DataSource.<init>(ConverterUtils.java:145)\n";

  private PrintStream before;
  private ByteArrayOutputStream shown;

  @BeforeEach
  void catchStandardError() {
    before = System.err;
    shown = new ByteArrayOutputStream();
    System.setErr(new PrintStream(shown, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardError() {
    System.setErr(before);
  }

  @Test
  void aReadErrorOfTheDataSourceIsNamedAndEverythingIsPassedOn() {
    PrintStream replaced = System.err;
    WekaException e;
    try (DataReadWatch watch = DataReadWatch.start()) {
      System.err.print(CLASS_PATH_NOISE + READ_ERROR);
      e = assertThrows(WekaException.class, () -> watch.failIfDataWereCut(null));
    }
    assertEquals(
        "Weka could not read the data past an error (printed above): java.io.IOException: nominal"
            + " value not declared in header, read Token[x], line 7. FastKMeans gives no result"
            + " from the part before it.",
        e.getMessage());
    assertEquals(CLASS_PATH_NOISE + READ_ERROR, shown.toString(StandardCharsets.UTF_8));
    assertSame(replaced, System.err);
  }

  @Test
  void otherTracesThroughTheDataSourceAreNotReadErrors() {
    try (DataReadWatch watch = DataReadWatch.start()) {
      System.err.print(CLASS_PATH_NOISE);
      assertDoesNotThrow(() -> watch.failIfDataWereCut(null));
    }
  }

  @Test
  void aWatchSeesOnlyItsOwnThreadAndOverlappingWatchesGiveBackTheStream() throws Exception {
    PrintStream replaced = System.err;
    DataReadWatch first = DataReadWatch.start();
    CountDownLatch printed = new CountDownLatch(1);
    DataReadWatch[] second = new DataReadWatch[1];
    Thread other =
        new Thread(
            () -> {
              second[0] = DataReadWatch.start();
              System.err.print(READ_ERROR);
              printed.countDown();
            });
    other.start();
    printed.await();
    assertThrows(WekaException.class, () -> second[0].failIfDataWereCut(null));
    assertDoesNotThrow(() -> first.failIfDataWereCut(null), "another thread's error");
    first.close();
    second[0].close();
    other.join();
    assertSame(replaced, System.err, "given back once the last watch closed");
  }
}
