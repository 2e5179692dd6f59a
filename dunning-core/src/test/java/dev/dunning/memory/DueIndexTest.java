package dev.dunning.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueIndexTest {
  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

  private static final class N extends DueIndex.Node {
    final String name;

    N(String name) {
      this.name = name;
    }
  }

  private final DueIndex index = new DueIndex();

  @Test
  void nodesComeOutOldestFirstAndInInsertionOrderWithinAnInstant() {
    N a = new N("a");
    N b = new N("b");
    N c = new N("c");
    N d = new N("d");
    index.put(a, T.plusSeconds(5));
    index.put(b, T);
    index.put(c, T.plusSeconds(5));
    index.put(d, T.minusSeconds(1));

    assertThat(drain(T.plusSeconds(10))).isEqualTo("dbac");
    assertThat(index.instants()).isZero();
  }

  @Test
  void onlyNodesDueAtOrBeforeNowComeOut() {
    index.put(new N("now"), T);
    index.put(new N("later"), T.plusNanos(1));

    assertThat(drain(T)).isEqualTo("now");
    assertThat(index.poll(T)).isNull();
    assertThat(drain(T.plusNanos(1))).isEqualTo("later");
  }

  @Test
  void aMovedNodeLeavesNothingBehindAndAnUnchangedOneKeepsItsPlace() {
    N a = new N("a");
    N b = new N("b");
    index.put(a, T);
    index.put(b, T);
    index.put(a, T); // same instant: stays first
    index.put(b, T.plusSeconds(60));
    index.put(b, null); // taken out

    assertThat(index.instants()).isEqualTo(1);
    assertThat(drain(T.plusSeconds(3600))).isEqualTo("a");
    assertThat(index.instants()).isZero();
  }

  @Test
  void aPolledNodeIsClaimedUntilItIsPutAgain() {
    N a = new N("a");
    index.put(a, T);
    assertThat(a.isClaimed()).isFalse();

    assertThat(index.poll(T)).isSameAs(a);
    assertThat(a.isClaimed()).isTrue();

    index.put(a, T.plusSeconds(1)); // e.g. a concurrent write rescheduled it
    assertThat(a.isClaimed()).isFalse();
    assertThat(index.poll(T)).isNull();
    assertThat(index.poll(T.plusSeconds(1))).isSameAs(a);
  }

  @Test
  void anEarlierInstantAddedLaterComesOutFirst() {
    index.put(new N("b"), T.plusSeconds(2));
    assertThat(index.poll(T)).isNull(); // caches the earliest bucket
    index.put(new N("a"), T.plusSeconds(1));

    assertThat(drain(T.plusSeconds(2))).isEqualTo("ab");
  }

  private String drain(Instant now) {
    StringBuilder out = new StringBuilder();
    for (DueIndex.Node n; (n = index.poll(now)) != null; ) {
      out.append(((N) n).name);
    }
    return out.toString();
  }
}
