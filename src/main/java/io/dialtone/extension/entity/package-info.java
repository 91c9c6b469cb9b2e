/**
 * The extension component's value types. Rule: they check their invariants when built; enum
 * constants are stored by name and never renamed.
 */
package io.dialtone.extension.entity;
