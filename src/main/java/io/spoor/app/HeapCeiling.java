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
 * ceiling this runs one, with the heap's free-ratio bounds lowered for it so that it shrinks to a
 * little more than what is live. A JVM whose maximum heap is already at or under the ceiling
 * (an explicit {@code -Xmx}) is left alone.
 *
 * <p>When more than the ceiling is live (a large index of visits), a full
 * collection cannot bring the heap under it, and running one every check would spend most of
 * the CPU collecting. So after such a collection the next one waits until the committed heap
 * is twice what the last one left, and the watch goes back to the ceiling once the heap is
 * under it again.
 */
final class HeapCeiling implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeapCeiling.class);
  private static final long CHECK_MILLIS = 250;

  private final Policy policy;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Optional<Thread> thread;
  private volatile boolean running = true;

  private HeapCeiling(long ceiling, boolean watching) {
    this.policy = new Policy(ceiling);
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

  /**
   * A full collection that shrinks the heap until at most 30% of it is free. The free ratios are
   * lowered for that collection only: left lowered, every collection of G1 would keep the heap
   * that tight and run far more often than it needs to.
   */
  private static void collectAndShrink() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String min = vm.getVMOption("MinHeapFreeRatio").getValue();
    String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
    try {
      vm.setVMOption("MinHeapFreeRatio", "10");
      vm.setVMOption("MaxHeapFreeRatio", "30");
    } catch (RuntimeException e) {
      LOG.warn("cannot lower the heap's free ratios; the heap shrinks less after a collection", e);
    }
    try {
      System.gc();
    } finally {
      try {
        vm.setVMOption("MaxHeapFreeRatio", max);
        vm.setVMOption("MinHeapFreeRatio", min);
      } catch (RuntimeException e) {
        LOG.warn("cannot put the heap's free ratios back", e);
      }
    }
  }

  private void watch() {
    while (running) {
      try {
        Thread.sleep(CHECK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (policy.due(memory.getHeapMemoryUsage().getCommitted())) {
        collectAndShrink();
        long left = memory.getHeapMemoryUsage().getCommitted();
        if (policy.collected(left)) {
          LOG.info("{} MB of heap stay committed after a full GC, more than the ceiling of {} MB; the next one "
              + "waits for {} MB", left >> 20, policy.ceiling >> 20, policy.threshold >> 20);
        }
      }
    }
  }

  /**
   * When to collect: whenever the committed heap passes the threshold, which is the ceiling,
   * or twice what the last collection left when that was more than the ceiling.
   */
  static final class Policy {
    private final long ceiling;
    private long threshold;

    Policy(long ceiling) {
      this.ceiling = ceiling;
      this.threshold = ceiling;
    }

    /** Whether a full collection is due with {@code committed} bytes of heap committed. */
    boolean due(long committed) {
      if (committed <= ceiling) {
        threshold = ceiling;
      }
      return committed > threshold;
    }

    /**
     * Tells the policy what a collection left committed; true when that is above the ceiling
     * and the threshold moved up.
     */
    boolean collected(long committed) {
      if (committed <= ceiling) {
        threshold = ceiling;
        return false;
      }
      threshold = committed * 2;
      return true;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.ifPresent(Thread::interrupt);
  }
}
