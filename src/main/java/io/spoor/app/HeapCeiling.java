package io.spoor.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the heap of a JVM started without {@code -Xmx} near a ceiling. By default the JVM may
 * grow its heap to a quarter of the machine, and under a heavy ingest load G1 does grow it
 * (to gigabytes) to spend less time collecting, although what Spoor keeps live is bounded far
 * lower. Only a full collection gives memory back, so whenever the committed heap passes the
 * ceiling this runs one, with the heap's free-ratio bounds lowered so that it shrinks to a
 * little more than what is live. A JVM whose maximum heap is already at or under the ceiling
 * (an explicit {@code -Xmx}) is left alone.
 */
final class HeapCeiling implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeapCeiling.class);
  private static final long CHECK_MILLIS = 250;

  private final long ceiling;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Optional<Thread> thread;
  private volatile boolean running = true;

  private HeapCeiling(long ceiling, boolean watching) {
    this.ceiling = ceiling;
    this.thread = watching ? Optional.of(new Thread(this::watch, "spoor-heap-ceiling")) : Optional.empty();
    thread.ifPresent(t -> t.setDaemon(true));
  }

  /**
   * Starts watching if the heap may grow past {@code ceilingBytes} (zero: never watches);
   * closing it stops watching.
   */
  static HeapCeiling start(long ceilingBytes) {
    if (ceilingBytes <= 0 || Runtime.getRuntime().maxMemory() <= ceilingBytes) {
      return new HeapCeiling(ceilingBytes, false);
    }
    lowerFreeRatios();
    HeapCeiling ceiling = new HeapCeiling(ceilingBytes, true);
    ceiling.thread.get().start();
    LOG.info("the heap may grow to {} MB; keeping it near {} MB (set -Xmx to choose yourself)",
        Runtime.getRuntime().maxMemory() >> 20, ceilingBytes >> 20);
    return ceiling;
  }

  /** Whether it watches the heap (the JVM may grow it past the ceiling). */
  boolean watching() {
    return thread.isPresent();
  }

  /** After a full collection the heap shrinks until at most 30% of it is free. */
  private static void lowerFreeRatios() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      vm.setVMOption("MinHeapFreeRatio", "10");
      vm.setVMOption("MaxHeapFreeRatio", "30");
    } catch (RuntimeException e) {
      LOG.warn("cannot lower the heap's free ratios; the heap shrinks less after a collection", e);
    }
  }

  private void watch() {
    while (running) {
      try {
        Thread.sleep(CHECK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (memory.getHeapMemoryUsage().getCommitted() > ceiling) {
        System.gc();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.ifPresent(Thread::interrupt);
  }
}
