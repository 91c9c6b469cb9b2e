package io.dialtone.usage.boundary;

import java.io.Serializable;

/** An extension's concurrent-call cap, as a row. */
public record ExtensionCapRow(String extension, int calls) implements Serializable {}
