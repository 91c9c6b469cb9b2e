package io.dialtone.platform.control;

/** Where a data key stands in the ring. */
public enum DataKeyState {
  /** New secrets are written with it. */
  CURRENT,
  /** It still reads the secrets it wrote; a rotation moves them to the current key. */
  ACTIVE,
  /** Held by this node but never current yet: a rotation can make it current. */
  NEW,
  /** No secret uses it any more; it may be removed from every node. */
  RETIRED,
  /** Secrets name it but this node does not hold it: put its file back in the keys folder. */
  MISSING
}
