package io.spoor.report;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A HyperLogLog sketch of distinct visitors: 4096 one-byte registers (precision 12), a relative
 * standard error of {@value #RELATIVE_ERROR}, merged by taking each register's maximum (so the
 * sketch of a union is exactly the merge of the parts' sketches). The estimate is Ertl's
 * improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches", 2017),
 * unbiased from one visitor up without correction tables. Stored sparse (3 bytes per register
 * in use) while that is smaller than dense (4096 bytes).
 */
final class Hll {
  static final int P = 12;
  static final int M = 1 << P;
  static final int Q = 64 - P;
  /** 1.04 / sqrt(4096). */
  static final double RELATIVE_ERROR = 0.0163;
  private static final byte DENSE = 1;
  private static final byte SPARSE = 2;
  private final byte[] registers;

  Hll() {
    this.registers = new byte[M];
  }

  private Hll(byte[] registers) {
    this.registers = registers;
  }

  /** A visitor token's 64-bit hash: FNV-1a over its characters, then MurmurHash3's finaliser. */
  static long hash(String token) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < token.length(); i++) {
      h = (h ^ token.charAt(i)) * 0x100000001b3L;
    }
    return finish(h);
  }

  /** {@link #hash(String)} of the token whose UTF-8 bytes are {@code utf8[from..to)}, without a String when ASCII. */
  static long hash(byte[] utf8, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      if (utf8[i] < 0) {
        return hash(new String(utf8, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
      }
      h = (h ^ utf8[i]) * 0x100000001b3L;
    }
    return finish(h);
  }

  private static long finish(long hash) {
    long h = hash;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  Hll add(long hash) {
    int index = (int) (hash >>> Q);
    byte rank = (byte) (Long.numberOfLeadingZeros((hash << P) | (1L << (P - 1))) + 1);
    if (registers[index] < rank) {
      registers[index] = rank;
    }
    return this;
  }

  /** Adds {@code other} into this sketch. */
  Hll merge(Hll other) {
    byte[] theirs = other.registers;
    for (int i = 0; i < M; i++) {
      if (registers[i] < theirs[i]) {
        registers[i] = theirs[i];
      }
    }
    return this;
  }

  /** Adds {@code other} into this sketch; true when a register rose (the sketch changed). */
  boolean mergeChanged(Hll other) {
    byte[] theirs = other.registers;
    boolean changed = false;
    for (int i = 0; i < M; i++) {
      if (registers[i] < theirs[i]) {
        registers[i] = theirs[i];
        changed = true;
      }
    }
    return changed;
  }

  Hll copy() {
    return new Hll(registers.clone());
  }

  boolean isEmpty() {
    for (byte r : registers) {
      if (r != 0) {
        return false;
      }
    }
    return true;
  }

  /** The estimated number of distinct visitors added, rounded. */
  long estimate() {
    int[] c = new int[Q + 2];
    for (byte r : registers) {
      c[r]++;
    }
    if (c[0] == M) {
      return 0;
    }
    double z = M * tau(1.0 - (double) c[Q + 1] / M);
    for (int k = Q; k >= 1; k--) {
      z = 0.5 * (z + c[k]);
    }
    z += M * sigma((double) c[0] / M);
    return Math.round(M / (2 * Math.log(2)) * M / z);
  }

  private static double sigma(double x) {
    if (x == 1.0) {
      return Double.POSITIVE_INFINITY;
    }
    double y = 1;
    double z = x;
    double previous;
    do {
      x *= x;
      previous = z;
      z += x * y;
      y += y;
    } while (z != previous);
    return z;
  }

  private static double tau(double x) {
    if (x == 0.0 || x == 1.0) {
      return 0.0;
    }
    double y = 1.0;
    double z = 1 - x;
    double previous;
    do {
      x = Math.sqrt(x);
      previous = z;
      y *= 0.5;
      z -= Math.pow(1 - x, 2) * y;
    } while (previous != z);
    return z / 3;
  }

  byte[] toBytes() {
    int used = 0;
    for (byte r : registers) {
      if (r != 0) {
        used++;
      }
    }
    if (used * 3 >= M) {
      ByteBuffer out = ByteBuffer.allocate(1 + M).put(DENSE).put(registers);
      return out.array();
    }
    ByteBuffer out = ByteBuffer.allocate(1 + used * 3).put(SPARSE);
    for (int i = 0; i < M; i++) {
      if (registers[i] != 0) {
        out.putShort((short) i).put(registers[i]);
      }
    }
    return out.array();
  }

  static Hll fromBytes(byte[] stored) {
    if (stored == null || stored.length == 0) {
      return new Hll();
    }
    if (stored[0] == DENSE && stored.length == 1 + M) {
      return new Hll(Arrays.copyOfRange(stored, 1, 1 + M));
    }
    if (stored[0] != SPARSE || (stored.length - 1) % 3 != 0) {
      throw new IllegalArgumentException("not a stored visitor sketch");
    }
    Hll hll = new Hll();
    mergeStored(hll.registers, stored);
    return hll;
  }

  /** Adds a stored sketch into this one without making an object of it. */
  Hll mergeStored(byte[] stored) {
    if (stored == null || stored.length == 0) {
      return this;
    }
    if (stored[0] == DENSE && stored.length == 1 + M) {
      for (int i = 0; i < M; i++) {
        if (registers[i] < stored[i + 1]) {
          registers[i] = stored[i + 1];
        }
      }
      return this;
    }
    if (stored[0] != SPARSE || (stored.length - 1) % 3 != 0) {
      throw new IllegalArgumentException("not a stored visitor sketch");
    }
    mergeStored(registers, stored);
    return this;
  }

  private static void mergeStored(byte[] registers, byte[] sparse) {
    for (int at = 1; at < sparse.length; at += 3) {
      int index = ((sparse[at] & 0xff) << 8) | (sparse[at + 1] & 0xff);
      byte rank = sparse[at + 2];
      if (index >= M || rank < 0 || rank > Q + 1) {
        throw new IllegalArgumentException("not a stored visitor sketch");
      }
      if (registers[index] < rank) {
        registers[index] = rank;
      }
    }
  }
}
