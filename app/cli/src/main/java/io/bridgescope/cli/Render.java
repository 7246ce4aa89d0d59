package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenScale;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.MessageStatus;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.VerdictRow;
import java.util.Optional;
import java.util.OptionalInt;

/** JSON shapes of the read verbs (documented in README.md, "CLI JSON"). */
final class Render {

  private Render() {}

  static ObjectNode deposit(DepositStatus d, TokenScale scale) {
    ObjectNode o = Json.object();
    o.put("id", d.deposit().id().toString());
    status(o, d.status());
    o.put("kind", d.deposit().kind().key());
    o.put("sender", d.deposit().sender().toString());
    o.put("receiver", d.deposit().receiver().toString());
    transfer(o, d.deposit().deposit(), scale);
    event(o.putObject("sent"), d.deposit().event());
    d.commitment()
        .ifPresent(
            c -> {
              ObjectNode co = o.putObject("commitment");
              co.put("startId", c.startId().toString());
              co.put("endId", c.endId().toString());
              co.put("root", c.root().toString());
              event(co, c.event());
            });
    return o;
  }

  static ObjectNode exit(ExitStatus e, TokenScale scale) {
    ObjectNode o = Json.object();
    o.put("id", e.exit().id().toString());
    status(o, e.status());
    o.put("kind", e.exit().kind().key());
    o.put("sender", e.exit().sender().toString());
    o.put("receiver", e.exit().receiver().toString());
    o.put("epoch", e.exit().epoch());
    transfer(o, e.exit().withdrawal(), scale);
    event(o.putObject("sent"), e.exit().event());
    e.checkpointBlock().ifPresent(b -> o.put("checkpointBlock", b));
    return o;
  }

  static void status(ObjectNode o, MessageStatus s) {
    o.put("status", s.stage().name().toLowerCase(java.util.Locale.ROOT));
    o.put("reason", s.reason());
    o.put("nextStep", s.nextStep());
    s.eta().ifPresent(t -> o.put("eta", t.toString()));
    o.put("overdue", s.overdue());
  }

  static void transfer(ObjectNode o, Optional<Erc20Transfer> t, TokenScale scale) {
    t.ifPresent(
        x -> {
          ObjectNode tr = o.putObject("transfer");
          tr.put("rootToken", x.rootToken().toString());
          tr.put("from", x.from().toString());
          tr.put("to", x.to().toString());
          tr.put("amount", x.amount().toString());
          // Scaled only by the token's own decimals (cached metadata or its MAP_TOKEN message).
          scale
              .decimals(x.rootToken())
              .ifPresent(
                  dec -> {
                    tr.put("decimals", dec);
                    tr.put("amountDecimal", TokenAmounts.number(x.amount(), OptionalInt.of(dec)));
                  });
          scale
              .of(x.rootToken())
              .flatMap(io.bridgescope.core.asset.TokenMetadata::symbol)
              .ifPresent(sym -> tr.put("symbol", sym));
        });
  }

  static void event(ObjectNode o, EventRef e) {
    o.put("block", e.blockNumber());
    o.put("time", e.blockTime());
    o.put("tx", e.txHash().toString());
    o.put("logIndex", e.logIndex());
  }

  static ObjectNode verdict(VerdictRow v) {
    ObjectNode o = Json.object();
    o.put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("tx", v.subjectTx().toString());
    o.put("block", v.blockNumber());
    o.put("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
    o.put("reason", v.reason());
    v.evidenceJson()
        .ifPresent(
            e -> {
              try {
                o.set("evidence", Json.MAPPER.readTree(e));
              } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                o.put("evidence", e);
              }
            });
    o.put("verifiedAt", v.verifiedAt().toString());
    return o;
  }

  static String oneLine(DepositStatus d, TokenScale scale) {
    return String.format(
        "deposit %-6s %-10s %s%s",
        d.deposit().id(),
        d.status().stage(),
        d.deposit()
            .deposit()
            .map(t -> scale.format(t.rootToken(), t.amount()) + " to " + t.to() + "  ")
            .orElse(""),
        d.status().reason());
  }

  static String oneLine(ExitStatus e, TokenScale scale) {
    return String.format(
        "exit    %-6s %-12s %s%s",
        e.exit().id(),
        e.status().stage(),
        e.exit()
            .withdrawal()
            .map(t -> scale.format(t.rootToken(), t.amount()) + " to " + t.to() + "  ")
            .orElse(""),
        e.status().reason());
  }
}
