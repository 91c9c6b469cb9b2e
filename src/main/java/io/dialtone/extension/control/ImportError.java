package io.dialtone.extension.control;

/**
 * Why line {@code line} of an extension CSV cannot be imported; shown through {@code messageKey}
 * (an {@code extensions.refused.*} or {@code extensions_import.error.*} key).
 */
public record ImportError(int line, String messageKey) {}
