package dev.dunning.internal;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an enum constant by its persisted code, with an error that lists the known codes. */
public final class Codes {
  private Codes() {}

  public static <E extends Enum<E>> E find(E[] values, String code, Function<E, String> codeOf, String what) {
    for (E value : values) {
      if (codeOf.apply(value).equals(code)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " code '" + code + "', expected one of "
        + Arrays.stream(values).map(codeOf).collect(Collectors.joining(", ")));
  }
}
