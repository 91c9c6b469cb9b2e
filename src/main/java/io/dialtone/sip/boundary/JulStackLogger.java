package io.dialtone.sip.boundary;

import gov.nist.core.CommonLogger;
import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes the NIST SIP stack's logging to java.util.logging (logger {@code gov.nist}), so log4j,
 * which the stack names only as a "provided" dependency, is never needed. {@link #install()} must
 * run before the stack or its parser is first used.
 */
public final class JulStackLogger implements StackLogger {

  private static final Logger LOG = Logger.getLogger("gov.nist");

  /** Makes every NIST class log here (its static loggers included). */
  public static void install() {
    CommonLogger.useLegacyLogger = true;
    if (!(CommonLogger.legacyLogger instanceof JulStackLogger)) {
      CommonLogger.legacyLogger = new JulStackLogger();
    }
  }

  private static Level level(int nistLevel) {
    if (nistLevel <= TRACE_FATAL) {
      return Level.WARNING;
    }
    if (nistLevel <= TRACE_INFO) {
      return Level.FINE;
    }
    return Level.FINEST;
  }

  @Override
  public void logStackTrace() {
    // stack traces of the stack's own call sites are noise
  }

  @Override
  public void logStackTrace(int traceLevel) {
    // as above
  }

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable ex) {
    LOG.log(Level.FINE, "SIP stack exception", ex);
  }

  @Override
  public void logDebug(String message) {
    LOG.finest(message);
  }

  @Override
  public void logDebug(String message, Exception ex) {
    LOG.log(Level.FINEST, message, ex);
  }

  @Override
  public void logTrace(String message) {
    LOG.finest(message);
  }

  @Override
  public void logFatalError(String message) {
    LOG.warning(message);
  }

  /** The stack's "errors" are mostly a remote peer's garbage: kept out of the log by default. */
  @Override
  public void logError(String message) {
    LOG.fine(message);
  }

  @Override
  public boolean isLoggingEnabled() {
    return LOG.isLoggable(Level.FINE);
  }

  @Override
  public boolean isLoggingEnabled(int logLevel) {
    return LOG.isLoggable(level(logLevel));
  }

  @Override
  public void logError(String message, Exception ex) {
    LOG.log(Level.FINE, message, ex);
  }

  @Override
  public void logWarning(String message) {
    LOG.fine(message);
  }

  @Override
  public void logInfo(String message) {
    LOG.fine(message);
  }

  @Override
  public void disableLogging() {
    // JUL's configuration decides
  }

  @Override
  public void enableLogging() {
    // JUL's configuration decides
  }

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {
    // not logged
  }

  @Override
  public void setStackProperties(Properties stackProperties) {
    // nothing to configure
  }

  @Override
  public String getLoggerName() {
    return LOG.getName();
  }
}
