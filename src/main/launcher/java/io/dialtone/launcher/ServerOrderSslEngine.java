package io.dialtone.launcher;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A JDK engine whose parameters, in server mode, always say "use the server's cipher suite order"
 * (Grizzly resets them to the client's). Everything else is the JDK engine's.
 */
final class ServerOrderSslEngine extends SSLEngine {

  private final SSLEngine jdk;

  ServerOrderSslEngine(SSLEngine jdk) {
    super(jdk.getPeerHost(), jdk.getPeerPort());
    this.jdk = jdk;
  }

  @Override
  public void setSSLParameters(SSLParameters parameters) {
    if (!jdk.getUseClientMode()) {
      parameters.setUseCipherSuitesOrder(true);
    }
    jdk.setSSLParameters(parameters);
  }

  @Override
  public void setUseClientMode(boolean clientMode) {
    jdk.setUseClientMode(clientMode);
    if (!clientMode) {
      setSSLParameters(jdk.getSSLParameters());
    }
  }

  @Override
  public SSLParameters getSSLParameters() {
    return jdk.getSSLParameters();
  }

  /** ALPN selectors (HTTP/2) are handed this engine, the one their connection knows. */
  @Override
  public void setHandshakeApplicationProtocolSelector(
      BiFunction<SSLEngine, List<String>, String> selector) {
    jdk.setHandshakeApplicationProtocolSelector(
        selector == null ? null : (engine, protocols) -> selector.apply(this, protocols));
  }

  @Override
  public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return jdk.getHandshakeApplicationProtocolSelector();
  }

  @Override
  public String getApplicationProtocol() {
    return jdk.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return jdk.getHandshakeApplicationProtocol();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return jdk.getHandshakeSession();
  }

  @Override
  public SSLEngineResult wrap(ByteBuffer[] sources, int offset, int length, ByteBuffer target)
      throws SSLException {
    return jdk.wrap(sources, offset, length, target);
  }

  @Override
  public SSLEngineResult unwrap(ByteBuffer source, ByteBuffer[] targets, int offset, int length)
      throws SSLException {
    return jdk.unwrap(source, targets, offset, length);
  }

  @Override
  public Runnable getDelegatedTask() {
    return jdk.getDelegatedTask();
  }

  @Override
  public void closeInbound() throws SSLException {
    jdk.closeInbound();
  }

  @Override
  public boolean isInboundDone() {
    return jdk.isInboundDone();
  }

  @Override
  public void closeOutbound() {
    jdk.closeOutbound();
  }

  @Override
  public boolean isOutboundDone() {
    return jdk.isOutboundDone();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return jdk.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return jdk.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    jdk.setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return jdk.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return jdk.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    jdk.setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return jdk.getSession();
  }

  @Override
  public void beginHandshake() throws SSLException {
    jdk.beginHandshake();
  }

  @Override
  public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
    return jdk.getHandshakeStatus();
  }

  @Override
  public boolean getUseClientMode() {
    return jdk.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    jdk.setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return jdk.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    jdk.setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return jdk.getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean create) {
    jdk.setEnableSessionCreation(create);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return jdk.getEnableSessionCreation();
  }
}
