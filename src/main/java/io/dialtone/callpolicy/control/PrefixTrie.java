package io.dialtone.callpolicy.control;

/**
 * Digit prefixes and whole numbers, each with the id of its rule; answers the most specific match
 * of a digit string in one walk (a whole number before the longest prefix). Built once, then only
 * read: safe to share between threads once published.
 */
final class PrefixTrie {

  /** No match. */
  static final long NONE = -1;

  private final Node root = new Node();
  private int size;

  /** Adds a prefix: every number starting with {@code digits} matches. */
  PrefixTrie addPrefix(String digits, long ruleId) {
    node(digits).prefixRule = ruleId;
    size++;
    return this;
  }

  /** Adds a whole number: only {@code digits} itself matches. */
  PrefixTrie addNumber(String digits, long ruleId) {
    node(digits).numberRule = ruleId;
    size++;
    return this;
  }

  /** The rule of the most specific entry matching {@code digits}, or {@link #NONE}. */
  long match(String digits) {
    Node node = root;
    long best = node.prefixRule;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9 || node.children == null || (node = node.children[d]) == null) {
        return best;
      }
      if (node.prefixRule != NONE) {
        best = node.prefixRule;
      }
    }
    return node.numberRule != NONE ? node.numberRule : best;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  private Node node(String digits) {
    Node node = root;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("digits only");
      }
      if (node.children == null) {
        node.children = new Node[10];
      }
      if (node.children[d] == null) {
        node.children[d] = new Node();
      }
      node = node.children[d];
    }
    return node;
  }

  private static final class Node {
    Node[] children;
    long prefixRule = NONE;
    long numberRule = NONE;
  }
}
