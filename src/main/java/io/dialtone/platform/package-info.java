/**
 * Cross-cutting pieces every component relies on: configuration, cryptography, the clock, web
 * filters (security headers, session rules) and the visitor's locale.
 *
 * <p>Rule: {@code platform} calls no business component ({@code account}, {@code identity},
 * {@code audit}, {@code extension}, ...). Business components may call {@code platform}; never the
 * other way round, so it can be reused and tested alone.
 */
package io.dialtone.platform;
