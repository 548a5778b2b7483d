package io.spoor.bench.scale;

import java.util.Locale;

/**
 * The seeded data set, by contact number (1..N, which is also the contact's id): its email and
 * names. The seeder writes them and the client reads them back, so both use this class.
 */
final class ScaleData {
  static final long PORTAL = 1;
  private static final String[] STARTS = {"Al", "Be", "Ca", "Da", "El", "Fa", "Ga", "Ha", "Is", "Jo", "Ka", "Le",
      "Ma", "Ni", "Ol", "Pa", "Ra", "Sa", "Ta", "Vi"};
  private static final String[] ENDS = {"ba", "bert", "by", "cia", "da", "dan", "die", "don", "dra", "fa", "gan",
      "gie", "han", "ia", "ie", "ina", "is", "ja", "ka", "la", "lan", "lia", "lie", "lo", "ly", "ma", "mon", "na",
      "nah", "ne", "ny", "o", "ra", "ran", "ren", "ria", "rie", "ro", "ry", "sa", "sha", "son", "ta", "tan", "te",
      "tha", "to", "vi", "win", "zo"};
  private static final String[] LAST = {"Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Lopez", "Wilson",
      "Moore", "Taylor", "Thomas", "White", "Harris", "Martin", "Clark", "Lewis", "Walker", "Young", "King", "Hill"};
  /** Distinct first names: each is held by about one contact in this many. */
  static final int FIRST_NAMES = STARTS.length * ENDS.length;

  private ScaleData() {
  }

  static String firstname(long contact) {
    int n = (int) Long.remainderUnsigned(mix(contact), FIRST_NAMES);
    return firstname(n);
  }

  /** The n-th of the {@link #FIRST_NAMES} first names. */
  static String firstname(int n) {
    return STARTS[n / ENDS.length] + ENDS[n % ENDS.length];
  }

  static String lastname(long contact) {
    return LAST[(int) Long.remainderUnsigned(mix(contact ^ 0x5DEECE66DL), LAST.length)];
  }

  /** Already canonical (lowercase ASCII), as the server stores a contact's key. */
  static String email(long contact) {
    return (firstname(contact) + "." + lastname(contact)).toLowerCase(Locale.ROOT) + contact + "@"
        + "mail" + Long.remainderUnsigned(mix(contact + 17), 50) + ".example.com";
  }

  /** The contact number of busy contact k (0-based) of {@code busy}, spread over the id range. */
  static long busyContact(int k, long contacts, int busy) {
    return contacts * (k + 1) / (busy + 1);
  }

  /** splitmix64's finaliser: a fixed, well-spread hash of a number. */
  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
