package io.dialtone.extension.control;

import io.dialtone.kernel.entity.ExtensionType;

/** One valid line of an extension CSV: its line number in the file and what it asks for. */
public record ImportLine(int line, String number, String name, ExtensionType type) {}
