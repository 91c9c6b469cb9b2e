package io.dialtone.launcher;

import java.lang.instrument.Instrumentation;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * A Java agent that makes every TLS server of the JVM choose its own cipher suite order rather than
 * the client's. Payara's listener configuration has no such switch and its Grizzly layer hands each
 * engine fresh SSL parameters whose "use cipher suites order" flag is false, so the HTTPS listener
 * followed any client's preference (testssl.sh: "NOT a cipher order configured", HIGH). The agent
 * puts a provider first whose TLS contexts are the JDK's own, except that a server-side engine
 * always keeps that flag set. Client connections (database, SMTP) are untouched.
 *
 * <p>The launcher writes the agent jar into the Dialtone home ({@link ServerCipherOrder#jar}) and
 * starts Payara Micro with {@code -javaagent:} pointing at it; docs/tls.md says how to do the same
 * by hand.
 */
public final class ServerCipherOrderAgent {

  private ServerCipherOrderAgent() {}

  /** The agent's entry point, run by the JVM before Payara Micro's main. */
  public static void premain(String arguments, Instrumentation instrumentation) {
    Security.insertProviderAt(new OrderedTlsProvider(), 1);
  }

  /** "SSLContext.TLS", "TLSv1.2" and "TLSv1.3": the JDK's, wrapped by ServerOrderSslContext. */
  static final class OrderedTlsProvider extends Provider {

    private static final long serialVersionUID = 1L;

    OrderedTlsProvider() {
      super("DialtoneServerCipherOrder", "1", "JDK TLS with the server's cipher suite order");
      for (String protocol : List.of("TLS", "TLSv1.2", "TLSv1.3")) {
        putService(new OrderedContextService(this, protocol));
      }
    }

    static final class OrderedContextService extends Service {
      OrderedContextService(Provider provider, String protocol) {
        super(provider, "SSLContext", protocol, ServerOrderSslContext.class.getName(), null, null);
      }

      @Override
      public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
        try {
          return new ServerOrderSslContext(SSLContext.getInstance(getAlgorithm(), "SunJSSE"));
        } catch (NoSuchProviderException e) {
          throw new NoSuchAlgorithmException(e);
        }
      }
    }
  }
}
