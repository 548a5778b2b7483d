package io.spoor.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How a filtered report adds up one day of the index of visits: the day's partial sums
 * ({@link PartialSums}) merged where a day done changing has them, its matching visits counted
 * otherwise, and the sums missing made afterwards on a thread of their own. Called holding the
 * index's {@code lock}, which the summing thread takes too, one day at a time.
 */
final class FilteredSums {
  /** At most this many days' sums wait to be summed; a report that misses one past them counts its visits again. */
  static final int SUMMING_QUEUED_MAX = 10_000;
  private final boolean scan;
  private final PartialSums partials;
  private final Object lock;
  /** Sums days for filtered reports after they answered, one at a time, holding {@link #lock} while it sums one. */
  private final ExecutorService summing = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "report-partial-sums");
    thread.setDaemon(true);
    return thread;
  });
  /** The days' sums queued on {@link #summing} and not begun. */
  private final Set<PartialSums.Key> summingQueued = new HashSet<>();
  private int[] selected = new int[1024];

  /** {@code scan}: check every visit of a day, not the posting lists (for tests). */
  FilteredSums(boolean scan, PartialSums partials, Object lock) {
    this.scan = scan;
    this.partials = partials;
    this.lock = lock;
  }

  PartialSums.Stats stats() {
    return partials.stats();
  }

  /**
   * Adds {@code day} into {@code grids} for {@code q}: by its partial sums where it is a day before
   * yesterday wholly inside the range ({@code today} the epoch day now), else visit by visit (the
   * day before the range: only its visits' completions in the range).
   */
  void add(ReportQuery q, VisitFilter filter, List<VisitGrid> grids, VisitDay day, long today) {
    boolean inRange = day.day >= q.from().toEpochDay();
    List<VisitGrid> counting = grids;
    if (partials.on() && inRange && day.day < today - 1 && day.day * Buckets.DAY >= q.fromMs()
        && (day.day + 1) * Buckets.DAY <= q.toMs()) {
      String filterKey = Arrays.toString(filter.codes()) + Arrays.toString(filter.events());
      counting = fromPartials(q.portalId(), filterKey, filter, grids, day, q.fromHour(), q.toHour());
    }
    count(day, filter, counting, inRange, q.fromHour(), q.toHour());
  }

  /**
   * Adds into {@code grids} the partial sums of {@code day}, a day done changing wholly inside the
   * range; returns the grids that must count the day visit by visit instead: those whose sum is
   * missing or stale (it is then summed on the summing thread once this report has answered, so a
   * filter's first report costs what counting its visits costs, and the next ones merge the sum)
   * and those whose sum holds a completion outside [{@code fromHour}, {@code toHour}).
   */
  private List<VisitGrid> fromPartials(long portalId, String filterKey, VisitFilter filter, List<VisitGrid> grids,
      VisitDay day, long fromHour, long toHour) {
    List<VisitGrid> rest = new ArrayList<>();
    for (VisitGrid grid : grids) {
      PartialSums.Key key = new PartialSums.Key(portalId, filterKey, grid.dimension(), grid.hours(), day.day);
      PartialSums.Day sum = partials.get(key, day);
      if (sum == null) {
        sumLater(key, filter, grid, day);
        rest.add(grid);
      } else if (sum.within(fromHour, toHour)) {
        grid.merge(sum);
      } else {
        rest.add(grid);
      }
    }
    return rest;
  }

  /** Sums {@code day} for {@code key} on the summing thread, unless it is queued already or the queue is full. */
  private void sumLater(PartialSums.Key key, VisitFilter filter, VisitGrid grid, VisitDay day) {
    if (summingQueued.size() >= SUMMING_QUEUED_MAX || !summingQueued.add(key)) {
      return;
    }
    summing.execute(() -> {
      synchronized (lock) {
        summingQueued.remove(key);
        if (!partials.holds(key, day)) {
          VisitGrid dayGrid = grid.forDay(day);
          count(day, filter, List.of(dayGrid), true, Long.MIN_VALUE, Long.MAX_VALUE);
          partials.put(key, day, dayGrid.partial());
        }
      }
    });
  }

  /** Returns once the days' sums queued so far are summed (for tests and the timer). */
  void awaitSummed() {
    try {
      summing.submit(() -> { }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Counts into {@code grids} the matching visits of {@code day} when {@code inRange} (else only
   * their completions) and their completions made in [{@code fromHour}, {@code toHour}).
   */
  private void count(VisitDay day, VisitFilter filter, List<VisitGrid> grids, boolean inRange, long fromHour,
      long toHour) {
    boolean visits = false;
    boolean completions = false;
    for (VisitGrid grid : grids) {
      visits |= grid.countsVisits();
      completions |= grid.countsCompletions();
    }
    if (!(visits && inRange) && !completions) {
      return;
    }
    if (selected.length < Math.max(day.size, day.events)) {
      selected = new int[Math.max(Math.max(day.size, day.events), selected.length * 2)];
    }
    int n = day.select(filter, scan, selected);
    for (int i = 0; inRange && i < n; i++) {
      int v = selected[i];
      for (VisitGrid grid : grids) {
        if (grid.countsVisits()) {
          grid.visit(day, v);
        }
      }
    }
    if (completions) {
      for (int e = 0; e < day.events; e++) {
        if (day.eventHour[e] >= fromHour && day.eventHour[e] < toHour
            && Arrays.binarySearch(selected, 0, n, day.eventVisit[e]) >= 0) {
          for (VisitGrid grid : grids) {
            if (grid.countsCompletions()) {
              grid.completion(day, e);
            }
          }
        }
      }
    }
  }

}
