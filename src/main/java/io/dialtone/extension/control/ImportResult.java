package io.dialtone.extension.control;

import java.util.List;

/**
 * What a bulk import did: either nothing, with every broken line ({@code errors}), or every line
 * created, with their new secrets for the provisioning CSV (shown once).
 */
public record ImportResult(List<ImportError> errors, List<NewSipSecret> created) {

  public boolean imported() {
    return errors.isEmpty();
  }

  @Override
  public String toString() {
    return "ImportResult[" + errors.size() + " errors, " + created.size() + " created]";
  }
}
