package io.dialtone.extension.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The signed-in user's own live extensions with their PIN state, for other components' pages. */
@ApplicationScoped
public class OwnExtensions {

  @Inject Extensions extensions;

  /** Refused without {@code VIEW_OWN_EXTENSION}; by number. */
  public List<OwnExtension> mine() {
    return extensions.mine().stream()
        .map(OwnExtension::of)
        .sorted(java.util.Comparator.comparing(e -> e.number().digits()))
        .toList();
  }
}
