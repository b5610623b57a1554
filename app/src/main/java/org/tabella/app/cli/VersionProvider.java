package org.tabella.app.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code tabella --version}: the version of the jar and the git commit it was built from (the
 * launcher passes the checkout's commit as {@code -Dtabella.commit}; "unknown" outside a checkout).
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Tabella.class.getPackage().getImplementationVersion();
    return new String[] {"tabella " + (version != null ? version : "0.1.0-SNAPSHOT") + " (commit "
        + System.getProperty("tabella.commit", "unknown") + ")"};
  }
}
