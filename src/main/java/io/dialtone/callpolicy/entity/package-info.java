/**
 * The call policy's vocabulary and stored rules. Rule: value types check their invariants when
 * built; enum constants are stored and shown by name (message key {@code <Enum>.<CONSTANT>}), so
 * they are never renamed or removed.
 */
package io.dialtone.callpolicy.entity;
