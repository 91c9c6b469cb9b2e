/**
 * Extensions of a customer account: their numbers and types, and (so far) the voicemail PIN policy
 * ({@code control.PinPolicy}, pure logic that the PIN-setting controls will call). Owns no table
 * yet. Calls {@code platform} only; {@code callpolicy} uses its value types.
 */
package io.dialtone.extension;
