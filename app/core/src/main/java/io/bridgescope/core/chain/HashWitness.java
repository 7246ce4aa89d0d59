package io.bridgescope.core.chain;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per node, the hash each block number had when the node last told us, and the highest
 * block it has shown. A new hash for a block deeper than {@code depth} below that node's head is no
 * reorg an honest chain makes: it is a lie (or a node serving two chains), and the node is named.
 * Shallower changes are ordinary reorgs and are left to the indexer.
 */
final class HashWitness {

  /** Blocks remembered per node; the oldest are forgotten first. */
  private static final int MEMORY = 20_000;

  private final String label;
  private final Map<URI, Node> nodes = new ConcurrentHashMap<>();
  private volatile int depth;

  HashWitness(String label, int depth) {
    this.label = label;
    this.depth = depth;
  }

  void depth(int d) {
    this.depth = d;
  }

  int depth() {
    return depth;
  }

  private static final class Node {
    long head = -1;
    final LinkedHashMap<Long, String> hashes =
        new LinkedHashMap<>(256, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, String> e) {
            return size() > MEMORY;
          }
        };
  }

  private Node node(URI url) {
    return nodes.computeIfAbsent(url, u -> new Node());
  }

  /** The node said its head is {@code head}. */
  void head(URI url, long head) {
    Node n = node(url);
    synchronized (n) {
      n.head = Math.max(n.head, head);
    }
  }

  /**
   * The node said block {@code number} has {@code hash}; throws {@link UntrustedNodeException} when
   * it said otherwise before about a block too deep to change.
   */
  void saw(URI url, long number, String hash) {
    if (hash == null) {
      return;
    }
    String h = hash.toLowerCase(java.util.Locale.ROOT);
    Node n = node(url);
    synchronized (n) {
      n.head = Math.max(n.head, number);
      String before = n.hashes.put(number, h);
      if (before != null && !before.equals(h) && n.head - number > depth) {
        n.hashes.put(number, before); // keep the first answer as the one we hold it to
        throw new UntrustedNodeException(
            label,
            url,
            "it gave block "
                + number
                + " the hash "
                + before
                + " and later "
                + h
                + ", "
                + (n.head - number)
                + " blocks below its head (deeper than any reorg we accept, "
                + depth
                + ")");
      }
    }
  }
}
