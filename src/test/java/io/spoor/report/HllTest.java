package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HllTest {
  static Hll of(String prefix, int from, int to) {
    Hll hll = new Hll();
    for (int i = from; i < to; i++) {
      hll.add(Hll.hash(prefix + i));
    }
    return hll;
  }

  @Test
  void mergingASketchTellsWhetherAnyRegisterRose() {
    Hll seen = new Hll().add(Hll.hash("utk-a")).add(Hll.hash("utk-b"));

    assertFalse(seen.mergeChanged(new Hll().add(Hll.hash("utk-a"))), "a visitor seen before raises nothing");
    assertFalse(seen.mergeChanged(new Hll()));
    assertTrue(seen.mergeChanged(new Hll().add(Hll.hash("utk-c"))));
    assertEquals(3, seen.estimate());
  }

  @Test
  void smallCountsStayWithinThreeStandardErrorsOrOneVisitor() {
    for (int n = 0; n <= 2000; n++) {
      long off = Math.abs(of("v", 0, n).estimate() - n);
      assertTrue(off <= Math.max(1, 3 * Hll.RELATIVE_ERROR * n), "n = " + n + ": off by " + off);
    }
    assertEquals(0, of("v", 0, 3).estimate() - 3, "three visitors");
  }

  @Test
  void largeCountsStayWithinThreeStandardErrors() {
    for (int n : new int[] {1_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000}) {
      double error = Math.abs(of("visitor-", 0, n).estimate() - n) / (double) n;
      assertTrue(error < 3 * Hll.RELATIVE_ERROR, "n = " + n + ": relative error " + error);
    }
  }

  @Test
  void theRootMeanSquareErrorOverManySitesIsTheDocumentedOne() {
    double sum = 0;
    int sites = 40;
    for (int s = 0; s < sites; s++) {
      double error = (of("site" + s + "-", 0, 50_000).estimate() - 50_000) / 50_000.0;
      sum += error * error;
    }
    double rms = Math.sqrt(sum / sites);
    assertTrue(rms < 1.5 * Hll.RELATIVE_ERROR, "rms " + rms);
  }

  @Test
  void mergingTwoSketchesGivesTheSketchOfTheUnion() {
    Hll a = of("v", 0, 30_000);
    Hll b = of("v", 20_000, 60_000);
    Hll union = of("v", 0, 60_000);
    Hll merged = a.copy().merge(b);
    assertArrayEquals(union.toBytes(), merged.toBytes());
    double error = Math.abs(merged.estimate() - 60_000) / 60_000.0;
    assertTrue(error < 3 * Hll.RELATIVE_ERROR, "relative error " + error);
    assertEquals(30_000, a.estimate(), 3 * Hll.RELATIVE_ERROR * 30_000, "merging left the first alone");
  }

  @Test
  void theSameVisitorInManyBucketsCountsOnceWhenMerged() {
    Hll days = new Hll();
    for (int day = 0; day < 30; day++) {
      days.merge(of("v", 0, 500));
    }
    assertEquals(500, days.estimate(), 500 * 3 * Hll.RELATIVE_ERROR);
  }

  @Test
  void sketchesSurviveStorageSparseAndDense() {
    for (int n : new int[] {0, 3, 100, 5_000}) {
      Hll hll = of("v", 0, n);
      byte[] stored = hll.toBytes();
      assertTrue(n < 1000 ? stored.length < 1 + Hll.M : stored.length == 1 + Hll.M, "size " + stored.length);
      assertArrayEquals(stored, Hll.fromBytes(stored).toBytes());
      assertArrayEquals(stored, new Hll().mergeStored(stored).toBytes());
      assertEquals(hll.estimate(), Hll.fromBytes(stored).estimate());
    }
  }

  @Test
  void aDamagedStoredSketchIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Hll.fromBytes(new byte[] {7, 1, 2}));
    assertThrows(IllegalArgumentException.class, () -> Hll.fromBytes(new byte[] {2, (byte) 0xff, 0, 1}));
  }
}
