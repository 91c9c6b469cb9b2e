package io.dialtone.sip.control;

/** Whether a source address is banned right now (the registrar then refuses every credential). */
public interface BanLookup {

  boolean banned(String address);
}
