/** The DID entity: one E.164 number, its holding account, its route and continuity destination. */
package io.dialtone.did.entity;
