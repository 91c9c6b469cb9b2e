package io.dialtone.trunk.control;

import java.util.List;

/** Where the directory reads the enabled trunks from (the store; a list in unit tests). */
interface TrunkSource {

  /** Every enabled trunk, credentials decrypted, with its current health. */
  List<DirectoryEntry> enabledTrunks();
}
