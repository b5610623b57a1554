// Tabella bulletin board page: keeps the board's state current and looks tracking codes up in
// place. The page itself is complete without this script (SPEC.md §4.9).
(function () {
  "use strict";
  var state = document.getElementById("state");
  var count = document.getElementById("ballot-count");
  var head = document.getElementById("head");
  var live = document.getElementById("live");
  var shown = state ? state.textContent : "";

  function poll() {
    fetch("/api/election", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (o) {
        var now = o.decrypted ? "decrypted" : o.state;
        if (now !== shown && (now === "decrypted" || shown === "decrypted")) {
          window.location.reload(); // the results are rendered on the server
          return;
        }
        if (now !== shown) {
          state.textContent = now;
          state.className = "state-" + now;
          shown = now;
        }
        if (count.textContent !== String(o.ballots)) {
          count.textContent = String(o.ballots);
          live.textContent = o.ballots + " ballots on the board";
        }
        head.textContent = o.head;
      })
      .catch(function () { live.textContent = "the board cannot be reached; retrying"; })
      .finally(function () { window.setTimeout(poll, 1000); });
  }

  var form = document.getElementById("check-form");
  var result = document.getElementById("check-result");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var code = document.getElementById("code").value.trim();
    if (!code) { return; }
    fetch("/api/ballots/" + encodeURIComponent(code), { cache: "no-store" })
      .then(function (r) { return r.json().then(function (o) { return { status: r.status, body: o }; }); })
      .then(function (x) {
        result.textContent = "";
        var p = document.createElement("p");
        if (x.status === 200) {
          p.className = "found";
          p.textContent = "Found: ballot " + x.body.ballot_id + " is on the board at position " + x.body.position +
            ", accepted " + (x.body.accepted_at ? "at " + x.body.accepted_at.replace(/\.\d+Z$/, "Z") + " (UTC)" :
            "at a time the board did not note") + "; the chain head after it is " + x.body.head_after +
            " (now " + x.body.head + ").";
        } else {
          p.className = "not-found";
          p.textContent = "Not found: no ballot on this board has tracking code " + code + ".";
        }
        result.appendChild(p);
      })
      .catch(function () { result.textContent = "The board cannot be reached; try again."; });
  });

  poll();
})();
