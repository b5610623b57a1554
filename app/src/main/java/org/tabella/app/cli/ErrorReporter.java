package org.tabella.app.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.tabella.crypto.dkg.DkgFailedException;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.voting.record.InvalidRecordException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error, {@code tabella <command>: <what is wrong>},
 * and an exit code from {@link ExitCodes}; the stack trace only with {@code --verbose} or
 * {@code TABELLA_DEBUG=1} (for bug reports).
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final boolean verbose;

  ErrorReporter(boolean verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    return report(cmd, ex.getMessage() + " (see '" + qualifiedName(cmd) + " --help')", ExitCodes.USAGE, ex);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    Throwable t = unwrap(ex);
    int code;
    String message;
    if (t instanceof UserError u) {
      code = u.exitCode();
      message = u.getMessage();
    } else if (t instanceof NoSuchFileException n) {
      code = ExitCodes.INPUT;
      message = "file not found: " + n.getFile() + (n.getReason() != null ? " (" + n.getReason() + ")" : "");
    } else if (t instanceof AccessDeniedException a) {
      code = ExitCodes.INPUT;
      message = "permission denied: " + a.getFile();
    } else if (t instanceof FileNotFoundException) {
      code = ExitCodes.INPUT;
      message = "file not found: " + t.getMessage();
    } else if (t instanceof InvalidRecordException || t instanceof MalformedEncodingException
        || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      code = ExitCodes.INPUT;
      message = "malformed input: " + oneLine(t.getMessage());
    } else if (t instanceof DkgFailedException || t instanceof InsufficientSharesException) {
      code = ExitCodes.NETWORK;
      message = oneLine(t.getMessage());
    } else if (t instanceof BindException) {
      code = ExitCodes.NETWORK;
      message = "cannot listen on this party's roster port: " + oneLine(t.getMessage()) + " (is another party running here?)";
    } else if (t instanceof ConnectException || t instanceof javax.net.ssl.SSLException) {
      code = ExitCodes.NETWORK;
      message = "network failure: " + oneLine(t.getMessage());
    } else if (t instanceof IOException) {
      code = ExitCodes.INPUT;
      message = oneLine(t.getMessage());
    } else {
      code = ExitCodes.INTERNAL;
      message = "internal error: " + t.getClass().getSimpleName() + ": " + oneLine(String.valueOf(t.getMessage()))
          + (verbose ? "" : " (run again with --verbose and report the trace)");
    }
    return report(cmd, message, code, t);
  }

  private int report(CommandLine cmd, String message, int code, Throwable t) {
    PrintWriter err = cmd.getErr();
    err.println(qualifiedName(cmd) + ": " + message);
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static String qualifiedName(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName();
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof CompletionException
        || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
