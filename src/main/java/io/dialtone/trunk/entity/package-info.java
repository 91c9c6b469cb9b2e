/** The trunk component's JPA entities: used only by {@code io.dialtone.trunk}. */
package io.dialtone.trunk.entity;
