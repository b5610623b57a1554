package org.tabella.app.board;

import java.util.HexFormat;
import java.util.List;
import org.tabella.crypto.threshold.SealedKeyShare;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.VerificationReport;
import org.tabella.voting.record.VerificationStep;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EntryOutcome;

/**
 * The board's web page for voters and observers (SPEC.md §4.9), rendered on the server so that it
 * reads without JavaScript: the election (id, group, trustees and quorum, contests, the key's
 * fingerprint), the board's state, ballot count and chain head, a "check my ballot" form, and
 * after decryption the results (a table and an SVG bar chart per contest) and the verifier's
 * steps. {@code app.js} then keeps the state current and looks tracking codes up in place.
 */
final class BoardPage {
  private BoardPage() {}

  /** A lookup to show (from the no-JavaScript form): the code asked for and what was found. */
  record Lookup(String code, BoardService.Entry found) {}

  static String render(BoardService service, ElectionRecord record, VerificationReport report, Lookup lookup) {
    ElectionParameters e = service.definition().election();
    var key = service.definition().key();
    String state = record != null ? "decrypted" : service.isClosed() ? "closed" : "open";
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(e.electionId())).append(" — Tabella bulletin board</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/static/style.css\">\n</head>\n<body>\n")
        .append("<header><h1>Election <span id=\"election-id\">").append(esc(e.electionId())).append("</span></h1>")
        .append("<p class=\"tagline\">Public bulletin board: every ballot, the tally and its proofs.</p></header>\n<main>\n");

    h.append("<section aria-labelledby=\"status-h\"><h2 id=\"status-h\">Board</h2>\n<dl class=\"facts\">")
        .append(fact("State", "<span id=\"state\" class=\"state-" + state + "\">" + state + "</span>"))
        .append(fact("Ballots", "<span id=\"ballot-count\">" + service.size() + "</span>"))
        .append(fact("Chain head", "<code id=\"head\">" + hex(service.head()) + "</code>"))
        .append("</dl>\n<p class=\"live\" id=\"live\" aria-live=\"polite\"></p></section>\n");

    h.append("<section aria-labelledby=\"election-h\"><h2 id=\"election-h\">Election</h2>\n<dl class=\"facts\">")
        .append(fact("Group", esc(e.group().name())))
        .append(fact("Trustees", e.trustees() + ", any " + e.quorum() + " of them decrypt"))
        .append(fact("Mode", e.unanimous() ? "unanimous (only whether every voter said yes is revealed)" : "counts"))
        .append(fact("Key fingerprint", "<code>" + hex(SealedKeyShare.fingerprint(key.key())) + "</code>"))
        .append(fact("Qualified dealers", key.qualified().toString()))
        .append("</dl>\n<table><caption>Contests</caption><thead><tr><th scope=\"col\">Contest</th>")
        .append("<th scope=\"col\">Kind</th><th scope=\"col\">Options</th><th scope=\"col\">Choose at most</th></tr></thead><tbody>");
    for (Contest c : e.contests()) {
      String kind = c.options() == 1 ? "referendum (yes/no)" : c.limit() == 1 ? "choose one" : "approval";
      h.append("<tr><td>").append(esc(c.id())).append("</td><td>").append(kind).append("</td><td>").append(c.options())
          .append("</td><td>").append(c.limit()).append("</td></tr>");
    }
    h.append("</tbody></table></section>\n");

    h.append("<section aria-labelledby=\"check-h\"><h2 id=\"check-h\">Check my ballot</h2>\n")
        .append("<form id=\"check-form\" action=\"/check\" method=\"get\">")
        .append("<label for=\"code\">Tracking code</label> ")
        .append("<input id=\"code\" name=\"code\" type=\"text\" required autocomplete=\"off\" spellcheck=\"false\" size=\"48\"")
        .append(lookup != null ? " value=\"" + esc(lookup.code()) + "\"" : "").append("> ")
        .append("<button type=\"submit\" id=\"check\">Check</button></form>\n")
        .append("<div id=\"check-result\" role=\"status\" aria-live=\"polite\">");
    if (lookup != null) {
      h.append(lookupText(lookup.code(), lookup.found(), service.head()));
    }
    h.append("</div></section>\n");

    h.append("<section aria-labelledby=\"results-h\" id=\"results\"><h2 id=\"results-h\">Results</h2>\n");
    if (record == null) {
      h.append("<p id=\"no-results\">").append(service.isClosed() ? "Voting is closed; the trustees have not published the"
          + " decryption yet." : "Voting is open. Results appear here once voting is closed and the trustees have decrypted"
          + " the tally.").append("</p>");
    } else {
      results(h, e, record.entries(), record.ballots().size());
      verification(h, report);
      h.append("<p><a id=\"download\" href=\"/api/record\" download=\"record.json\">Download the election record</a>")
          .append(" (verify it yourself: <code>tabella verify</code>)</p>");
    }
    h.append("</section>\n</main>\n<footer><p>Tabella — the verifier's steps are SPEC §4.5; the API is SPEC §4.8.</p></footer>\n")
        .append("<script src=\"/static/app.js\" defer></script>\n</body>\n</html>\n");
    return h.toString();
  }

  static String lookupText(String code, BoardService.Entry found, byte[] head) {
    if (found == null) {
      return "<p class=\"not-found\">Not found: no ballot on this board has tracking code <code>" + esc(code) + "</code>.</p>";
    }
    String when = found.acceptedAt() < 0 ? "at a time the board did not note"
        : "at " + java.time.Instant.ofEpochMilli(found.acceptedAt()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + " (UTC)";
    return "<p class=\"found\">Found: ballot <code>" + esc(found.ballotId()) + "</code> is on the board at position "
        + found.position() + ", accepted " + when + "; the chain head after it is <code>" + hex(found.headAfter())
        + "</code> (now <code>" + hex(head) + "</code>).</p>";
  }

  private static void results(StringBuilder h, ElectionParameters e, List<DecryptedEntry> entries, int ballots) {
    for (Contest c : e.contests()) {
      boolean referendum = c.options() == 1;
      // A referendum's one entry counts the yeses; every ballot answers it, so the rest said no.
      long[] counts = new long[referendum ? 2 : c.options()];
      String unanimity = null;
      for (DecryptedEntry d : entries) {
        if (d.contestId().equals(c.id())) {
          if (d.outcome() instanceof EntryOutcome.Count n) {
            counts[d.option()] = n.value();
          } else {
            unanimity = ((EntryOutcome.Unanimity) d.outcome()).unanimous() ? "unanimous" : "not unanimous";
          }
        }
      }
      h.append("<article class=\"contest\" data-contest=\"").append(esc(c.id())).append("\"><h3>").append(esc(c.id()))
          .append("</h3>");
      if (unanimity != null) {
        h.append("<p class=\"unanimity\">").append(unanimity).append("</p></article>");
        continue;
      }
      if (referendum) {
        counts[1] = ballots - counts[0];
      }
      h.append("<table class=\"results\"><caption>").append(esc(c.id())).append(": votes per option</caption>")
          .append("<thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Votes</th></tr></thead><tbody>");
      for (int i = 0; i < counts.length; i++) {
        h.append("<tr><td>").append(label(referendum, i)).append("</td><td class=\"count\">")
            .append(counts[i]).append("</td></tr>");
      }
      h.append("</tbody></table>");
      long max = 1;
      for (long n : counts) {
        max = Math.max(max, n);
      }
      int barH = 28;
      int height = counts.length * (barH + 8) + 8;
      h.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-").append(esc(c.id())).append("\" width=\"420\" height=\"")
          .append(height).append("\" viewBox=\"0 0 420 ").append(height).append("\"><title id=\"chart-").append(esc(c.id()))
          .append("\">").append(esc(c.id())).append(": bar chart of the votes per option</title>");
      for (int i = 0; i < counts.length; i++) {
        int y = 8 + i * (barH + 8);
        long w = Math.round(300.0 * counts[i] / max);
        h.append("<text x=\"0\" y=\"").append(y + 19).append("\">").append(label(referendum, i))
            .append("</text><rect x=\"80\" y=\"").append(y).append("\" width=\"").append(Math.max(w, 1)).append("\" height=\"")
            .append(barH).append("\"></rect><text x=\"").append(86 + w).append("\" y=\"").append(y + 19).append("\">")
            .append(counts[i]).append("</text>");
      }
      h.append("</svg></article>");
    }
  }

  private static String label(boolean referendum, int i) {
    return referendum ? (i == 0 ? "yes" : "no") : "option " + (i + 1);
  }

  private static void verification(StringBuilder h, VerificationReport report) {
    h.append("<h3>Verification</h3><p id=\"verdict\" class=\"").append(report.valid() ? "valid" : "invalid").append("\">")
        .append(report.valid() ? "The record verifies: every step below passed." : "The record does NOT verify.")
        .append("</p><ol id=\"steps\" class=\"steps\">");
    for (VerificationStep s : VerificationStep.values()) {
      long failures = report.findings().stream().filter(f -> f.step() == s).count();
      int checks = report.checks().getOrDefault(s, 0);
      h.append("<li value=\"").append(s.number()).append("\" class=\"").append(failures == 0 ? "ok" : "fail").append("\">")
          .append("<span class=\"step\">V").append(s.number()).append(" ").append(esc(s.title())).append("</span>: ")
          .append(checks).append(" checks, ").append(failures == 0 ? "ok" : failures + " failed").append("</li>");
    }
    h.append("</ol>");
  }

  private static String fact(String term, String html) {
    return "<dt>" + term + "</dt><dd>" + html + "</dd>";
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
