package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.proof.ExitProof;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.proof.StateSyncProof;
import io.bridgescope.core.store.Database;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bridgescope proof exit|deposit <id>}: a Merkle proof built from the local index only,
 * checked against the stored root and (unless {@code --offline}) the on-chain root.
 */
@Command(
    name = "proof",
    mixinStandardHelpOptions = true,
    description = "Build an exit or deposit (state-sync) proof from the local index.")
public final class ProofCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Parameters(index = "0", description = "exit | deposit")
  String kind;

  @Parameters(index = "1", description = "Exit id or state-sync id.")
  BigInteger id;

  @Option(names = "--offline", description = "Do not compare with the on-chain root.")
  boolean offline;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    ProofBuilder builder = new ProofBuilder(db, p.contracts(), p.epochSize());
    ObjectNode o;
    switch (kind) {
      case "exit" -> {
        ExitProof proof;
        if (offline) {
          proof = builder.exitProof(id);
        } else {
          try (ChainClient root = new ChainClient("root", p.root().primaryRpcUrl())) {
            new ChainGuard(p, ChainRole.ROOT, db).verify(root); // the root it checks against
            proof = builder.exitProof(id, root);
          }
        }
        o = exit(proof);
      }
      case "deposit" -> {
        StateSyncProof proof;
        if (offline) {
          proof = builder.stateSyncProof(id);
        } else {
          try (ChainClient child = new ChainClient("child", p.child().primaryRpcUrl())) {
            new ChainGuard(p, ChainRole.CHILD, db).verify(child);
            proof = builder.stateSyncProof(id, child);
          }
        }
        o = deposit(proof);
      }
      default ->
          throw CliException.usage(
              "proof kind '" + kind + "': use `proof exit <id>` or `proof deposit <id>`");
    }
    if (net.json()) {
      Output.document(o);
    } else {
      System.out.println(
          kind
              + " "
              + id
              + ": leaf "
              + o.path("leafIndex").asText()
              + " of root "
              + o.path("root").asText()
              + (o.path("checkedOnChain").asBoolean()
                  ? " (matches the on-chain root)"
                  : " (checked against the local index only)"));
      o.path("proof").forEach(h -> System.out.println("  " + h.asText()));
      System.out.println("calldata " + o.path("calldata").asText());
    }
    return 0;
  }

  private static ObjectNode exit(ExitProof e) {
    ObjectNode o = Json.object();
    o.put("exitId", e.exitId().toString());
    o.put("epoch", e.epoch());
    o.put("checkpointBlock", e.checkpointBlock());
    o.put("leafIndex", e.leafIndex());
    o.put("leafCount", e.leafCount());
    o.put("leaf", e.leaf().toString());
    o.put("unhashedLeaf", e.unhashedLeaf().toString());
    hashes(o, e.proof());
    o.put("root", e.root().toString());
    o.put("checkedOnChain", e.checkedOnChain());
    o.put("calldata", Hex.encode(e.exitCalldata()));
    return o;
  }

  private static ObjectNode deposit(StateSyncProof s) {
    ObjectNode o = Json.object();
    o.put("stateSyncId", s.stateSync().id().toString());
    o.put("commitmentStartId", s.commitment().startId().toString());
    o.put("commitmentEndId", s.commitment().endId().toString());
    o.put("leafIndex", s.leafIndex());
    o.put("leaf", s.leaf().toString());
    hashes(o, s.proof());
    o.put("root", s.commitment().root().toString());
    o.put("checkedOnChain", s.checkedOnChain());
    o.put("calldata", Hex.encode(s.executeCalldata()));
    return o;
  }

  private static void hashes(ObjectNode o, List<Hash32> proof) {
    var arr = o.putArray("proof");
    proof.forEach(h -> arr.add(h.toString()));
  }
}
