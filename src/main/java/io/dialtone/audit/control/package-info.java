/**
 * Appending to, reading and verifying the audit chain. Rule: the hash and the chain walk are pure
 * functions, unit-tested without a database; the beans around them only move rows in and out.
 */
package io.dialtone.audit.control;
