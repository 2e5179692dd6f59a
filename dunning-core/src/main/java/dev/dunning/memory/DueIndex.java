package dev.dunning.memory;

import java.time.Instant;
import java.util.TreeMap;

/**
 * The in-memory store's index of what is due when (cases by next action, messages by next attempt
 * or lease expiry), oldest first.
 *
 * <p>Nodes due at the same instant share one first-in-first-out bucket, and a node is the indexed
 * object itself rather than a key pointing to it. The engine schedules in clusters — the messages of
 * a tick are all due at that tick's instant, stages start at the playbook's send time, leases end
 * one lease after the claim — so adding and taking a node is a few pointer writes on one bucket,
 * with no search, no allocation and no dead nodes left behind for the collector (a sorted set costs
 * a logarithmic search, a key and a list node per insert, and its removed nodes are garbage that
 * still points at younger ones). Removal anywhere is constant time, so a rescheduled case or a
 * completed lease leaves nothing behind.
 *
 * <p>Thread-safe: every method holds the index's lock for a few pointer writes; callers may hold
 * their own entry's lock while calling in, never the other way round.
 */
final class DueIndex {

  /**
   * What the index links: a case entry or a message slot. The links belong to the index and are
   * only touched under its lock.
   */
  abstract static class Node {
    private Node prev;
    private Node next;
    private Bucket bucket;
    /**
     * Set when {@link #poll} hands the node out, cleared whenever it is put again: a claimer that
     * finds it cleared under the entry's lock knows a concurrent write rescheduled the node after the
     * claim, and leaves it to its new time.
     */
    private volatile boolean claimed;

    /** Whether this node was handed out by {@link #poll} and not put again since. */
    final boolean isClaimed() {
      return claimed;
    }
  }

  private static final class Bucket {
    final Instant at;
    Node head;
    Node tail;

    Bucket(Instant at) {
      this.at = at;
    }
  }

  private final TreeMap<Instant, Bucket> buckets = new TreeMap<>();
  /** The bucket of the latest insert, or null: inserts come in runs at one instant. */
  private Bucket recent;
  /** The earliest bucket, or null when unknown (or empty). */
  private Bucket first;

  /**
   * Indexes {@code node} at {@code at}, moving it if it sits elsewhere, or takes it out if {@code at}
   * is null. A node already at {@code at} keeps its place. Either way the node is no longer claimed.
   */
  synchronized void put(Node node, Instant at) {
    node.claimed = false;
    if (node.bucket != null) {
      if (node.bucket.at.equals(at)) {
        return;
      }
      unlink(node);
    }
    if (at != null) {
      link(node, at);
    }
  }

  /** Takes the earliest node due at or before {@code now} out of the index and marks it claimed, or returns null. */
  synchronized Node poll(Instant now) {
    Bucket b = first();
    if (b == null || b.at.isAfter(now)) {
      return null;
    }
    Node node = b.head;
    unlink(node);
    node.claimed = true;
    return node;
  }

  private Bucket first() {
    if (first == null && !buckets.isEmpty()) {
      first = buckets.firstEntry().getValue();
    }
    return first;
  }

  private void link(Node node, Instant at) {
    Bucket b = recent;
    if (b == null || !b.at.equals(at)) {
      b = buckets.get(at);
      if (b == null) {
        b = new Bucket(at);
        buckets.put(at, b);
        if (first != null && at.isBefore(first.at)) {
          first = b;
        }
      }
      recent = b;
    }
    node.bucket = b;
    node.prev = b.tail;
    node.next = null;
    if (b.tail == null) {
      b.head = node;
    } else {
      b.tail.next = node;
    }
    b.tail = node;
  }

  private void unlink(Node node) {
    Bucket b = node.bucket;
    if (node.prev == null) {
      b.head = node.next;
    } else {
      node.prev.next = node.next;
    }
    if (node.next == null) {
      b.tail = node.prev;
    } else {
      node.next.prev = node.prev;
    }
    node.prev = null;
    node.next = null;
    node.bucket = null;
    if (b.head == null) {
      buckets.remove(b.at);
      if (b == first) {
        first = null;
      }
      if (b == recent) {
        recent = null;
      }
    }
  }

  /** The number of distinct instants indexed (an emptied bucket is dropped at once). */
  synchronized int instants() {
    return buckets.size();
  }
}
