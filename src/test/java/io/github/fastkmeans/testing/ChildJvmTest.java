package io.github.fastkmeans.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of {@link ChildJvm}: what reaches the child, what comes back, and the timeout. */
class ChildJvmTest {

  /** More than a pipe's buffer (64 KiB on Linux): a child writing it blocks unless it is read. */
  private static final int FLOOD = 200_000;

  @TempDir Path temp;

  /**
   * Run in the child. {@code report}: floods stderr, then prints to stdout what it was given and
   * what it read from stdin, then floods stdout, and exits with 3. {@code sleep}: prints "started"
   * and sleeps for a minute.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args[0].equals("sleep")) {
      System.out.println("started");
      System.out.flush();
      Thread.sleep(60_000);
      return;
    }
    flood(System.err, 'e');
    System.out.println("property " + System.getProperty("childjvm.probe"));
    System.out.println("variable " + System.getenv("CHILDJVM_PROBE"));
    System.out.println("path " + System.getenv("PATH"));
    System.out.println("directory " + System.getProperty("user.dir"));
    System.out.println("stdin " + System.in.read());
    System.out.println("args " + String.join("|", args));
    flood(System.out, 'o');
    System.out.flush();
    System.exit(3);
  }

  private static void flood(PrintStream out, char c) {
    out.println(String.valueOf(c).repeat(FLOOD));
  }

  @Test
  void passesPropertiesEnvironmentDirectoryAndArgumentsAndReturnsBothStreams() throws Exception {
    ChildJvm.Result result =
        ChildJvm.withThisClassPath()
            .withFlags("-Xmx64m")
            .withProperty("childjvm.probe", "first")
            .withProperty("childjvm.probe", "second")
            .withEnvironment("CHILDJVM_PROBE", "from the parent")
            .withoutEnvironment("PATH")
            .inDirectory(temp)
            .run(ChildJvmTest.class.getName(), "report", "two words");

    assertEquals(3, result.exitCode(), result.toString());
    String out = result.stdout();
    assertTrue(out.contains("property second\n"), "the last value of a property wins\n" + result);
    assertTrue(out.contains("variable from the parent\n"), result.toString());
    assertTrue(out.contains("path null\n"), "PATH was removed\n" + result);
    assertTrue(out.contains("directory " + temp.toRealPath() + "\n"), result.toString());
    assertTrue(out.contains("stdin -1\n"), "stdin is closed, so it reads its end\n" + result);
    assertTrue(out.contains("args report|two words\n"), result.toString());
    // Both floods arrived whole, though stderr filled up first: the streams are read concurrently.
    assertTrue(out.contains("o".repeat(FLOOD)), "all of stdout");
    assertEquals("e".repeat(FLOOD), result.stderr().trim(), "all of stderr, and only it");

    assertTrue(result.command().contains(" -Xmx64m "), result.command());
    assertTrue(result.command().contains(" -Dchildjvm.probe=second -cp "), result.command());
    String text = result.toString();
    assertTrue(text.startsWith(result.command() + "\nexit 3\n--- stdout\n"), "toString");
    assertTrue(text.contains("\n--- stderr\neeee"), "toString shows stderr");
  }

  @Test
  void aChildThatOutlivesTheTimeoutIsKilledAndFailsTheTestWithItsOutput() {
    long start = System.nanoTime();
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                ChildJvm.withThisClassPath()
                    .withTimeout(Duration.ofSeconds(5))
                    .run(ChildJvmTest.class.getName(), "sleep"));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(e.getMessage().contains("did not finish within 5 s"), e.getMessage());
    assertTrue(e.getMessage().contains("--- stdout\nstarted"), e.getMessage());
    // Killed, not waited for: the child would have slept for a minute.
    assertTrue(seconds < 30, "returned after " + seconds + " s");
  }
}
