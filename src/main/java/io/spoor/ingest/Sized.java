package io.spoor.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;

/**
 * A hit on its way through the log with its estimated size in memory ({@link HitSize}), worked
 * out once when it is taken. Groups written or applied together are bounded in hits and in
 * these bytes.
 */
interface Sized {
  long bytes();

  /** The bytes of {@code items} together. */
  static long total(Collection<? extends Sized> items) {
    long bytes = 0;
    for (Sized s : items) {
      bytes += s.bytes();
    }
    return bytes;
  }

  /**
   * Where items are taken from, head first, by one thread: {@link #peek} looks at the next
   * one (null if none now), {@link #poll} takes it.
   */
  interface Source<T> {
    T peek();

    T poll();
  }

  /**
   * Moves items from the head of {@code from}, without waiting, to the end of {@code into}
   * while it holds fewer than {@code max} and the next one fits within {@code maxBytes} with
   * those it holds. Only one thread takes from {@code from}, so the head it looks at is the
   * head it takes.
   */
  static <T extends Sized> void drain(Source<T> from, List<T> into, int max, long maxBytes) {
    long bytes = total(into);
    for (T next; into.size() < max && (next = from.peek()) != null && bytes + next.bytes() <= maxBytes; ) {
      into.add(from.poll());
      bytes += next.bytes();
    }
  }

  /** {@link #drain} from a queue. */
  static <T extends Sized> void drain(Queue<T> from, List<T> into, int max, long maxBytes) {
    drain(of(from), into, max, maxBytes);
  }

  /** {@link #drain} into a new list. */
  static <T extends Sized> List<T> take(Source<T> from, int max, long maxBytes) {
    List<T> taken = new ArrayList<>(Math.min(Math.max(max, 0), 64));
    drain(from, taken, max, maxBytes);
    return taken;
  }

  /** {@link #drain} from a queue into a new list. */
  static <T extends Sized> List<T> take(Queue<T> from, int max, long maxBytes) {
    return take(of(from), max, maxBytes);
  }

  private static <T> Source<T> of(Queue<T> queue) {
    return new Source<>() {
      @Override
      public T peek() {
        return queue.peek();
      }

      @Override
      public T poll() {
        return queue.poll();
      }
    };
  }
}
