/**
 * Extensions of a customer account: their numbers and types, and (so far) the voicemail PIN policy.
 * Owns no table yet. Calls {@code platform} only; the PIN policy is pure logic that the PIN-setting
 * controls and the voicemail system will call.
 */
package io.dialtone.extension;
