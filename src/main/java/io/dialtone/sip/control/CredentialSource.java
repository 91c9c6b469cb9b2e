package io.dialtone.sip.control;

import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import java.util.List;
import java.util.Optional;

/**
 * Where the registrar finds the SIP credentials it checks digests against: implemented by the
 * component that owns the extensions, so the SIP side knows no extension table or entity. Serves
 * the registrar, not a person: no permission check, and only encrypted HA1 values leave it. A
 * change to a credential is announced with {@link SipCredentialsChanged} or {@link
 * SipCredentialsImported}.
 */
public interface CredentialSource {

  /** The live credential of extension {@code user} in domain {@code realm}, if there is one. */
  Optional<SipCredential> find(SipDomain realm, ExtensionNumber user);

  /** Every active credential (the registrar's full load), in no particular order. */
  List<SipCredential> allActive();

  /** The plain HA1 of {@code credential} for {@code algorithm}, to check one digest response. */
  String ha1(SipCredential credential, SipDigest algorithm);
}
