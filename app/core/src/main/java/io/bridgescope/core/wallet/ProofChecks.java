package io.bridgescope.core.wallet;

import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.AssetText;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.wallet.CallDecoder.Call;
import io.bridgescope.core.wallet.CallDecoder.Execute;
import io.bridgescope.core.wallet.CallDecoder.ExitInput;
import io.bridgescope.core.wallet.CallDecoder.ExitLeaf;
import io.bridgescope.core.wallet.CallDecoder.Exits;
import io.bridgescope.core.wallet.Inspection.Problem;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleProofs;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The leaves inside an exit or execute call, shown field by field, and their proofs checked against
 * the roots of the file's index snapshot with the contracts' own rules (docs/protocol.md, "Merkle
 * tree"): a leaf changed after export no longer reaches its root.
 */
final class ProofChecks {

  private final NetworkProfile profile;
  private final IndexSnapshot snapshot;

  ProofChecks(NetworkProfile profile, IndexSnapshot snapshot) {
    this.profile = profile;
    this.snapshot = snapshot;
  }

  void check(Call c, List<String> detail, List<Problem> problems, List<String> warnings) {
    if (c instanceof Exits e) {
      for (int i = 0; i < e.inputs().size(); i++) {
        String prefix = e.function() == BridgeFunction.EXIT ? "" : "inputs[" + i + "].";
        exit(prefix, e.inputs().get(i), detail, problems, warnings);
      }
      noSnapshotWarning(warnings);
    } else if (c instanceof Execute x) {
      execute(x, detail, problems, warnings);
      noSnapshotWarning(warnings);
    }
  }

  private void noSnapshotWarning(List<String> warnings) {
    if (snapshot.isEmpty()) {
      warnings.add(
          "the proofs are not checked here: no index snapshot came with the transaction"
              + " (the contract still checks them on chain)");
    }
  }

  private void exit(
      String prefix,
      ExitInput in,
      List<String> detail,
      List<Problem> problems,
      List<String> warnings) {
    ExitLeaf l = in.leaf();
    BridgeContracts k = profile.contracts();
    detail.add(
        "exit "
            + l.id()
            + ": leaf sender "
            + l.sender()
            + name(l.sender())
            + ", receiver "
            + l.receiver()
            + name(l.receiver()));
    detail.add(
        "    "
            + payload(l.withdrawal(), "withdrawal", l.data().length())
            + other(
                l.withdrawal(), AssetPredicates.of(k).decodeExit(l.sender(), l.data().value())));
    if (l.withdrawal().isPresent()
        && !(l.sender().equals(k.childErc20Predicate())
            && l.receiver().equals(k.rootErc20Predicate()))) {
      warnings.add(
          "exit "
              + l.id()
              + " carries a withdrawal payload but does not go from the ChildERC20Predicate to the"
              + " RootERC20Predicate of the profile: nothing will be paid out");
    }
    if (snapshot.isEmpty()) {
      return;
    }
    Optional<IndexSnapshot.ExitRoot> root = snapshot.exit(l.id());
    if (root.isEmpty()) {
      problems.add(
          new Problem(
              prefix + "leaf.id",
              "exit "
                  + l.id()
                  + " is not in the file's index snapshot, which holds exits "
                  + snapshot.exits().stream().map(r -> r.exitId().toString()).toList(),
              false));
      return;
    }
    IndexSnapshot.ExitRoot r = root.get();
    if (!in.blockNumber().equals(BigInteger.valueOf(r.checkpointBlock()))) {
      problems.add(
          new Problem(
              prefix + "blockNumber",
              "is "
                  + in.blockNumber()
                  + ", but the proof of exit "
                  + l.id()
                  + " was built for checkpoint block "
                  + r.checkpointBlock(),
              false));
    }
    boolean ok =
        in.leafIndex().bitLength() < 63
            && MerkleProofs.checkMembership(
                Keccak.keccak256(in.unhashedLeaf().value()),
                in.leafIndex().longValue(),
                r.root().bytes(),
                in.proof().stream().map(Hash32::bytes).toList());
    if (ok) {
      detail.add(
          "    proof reaches root "
              + r.root()
              + " of epoch "
              + r.epoch()
              + " (checkpoint block "
              + r.checkpointBlock()
              + ") from the file's index snapshot"
              + (r.checkedOnChain() ? ", which matched the root chain at export" : ""));
    } else {
      problems.add(
          new Problem(
              prefix + "leaf",
              "the proof does not lead from this leaf (exit "
                  + l.id()
                  + ", sender "
                  + l.sender()
                  + ", receiver "
                  + l.receiver()
                  + ", leaf index "
                  + in.leafIndex()
                  + ") to root "
                  + r.root()
                  + " of the file's index snapshot: the leaf or its proof was changed after export",
              false));
    }
  }

  private void execute(
      Execute x, List<String> detail, List<Problem> problems, List<String> warnings) {
    BigInteger id = x.obj().id();
    detail.add(
        "deposit "
            + id
            + ": sender "
            + x.obj().sender()
            + ", receiver "
            + x.obj().receiver()
            + name(x.obj().receiver()));
    detail.add(
        "    "
            + payload(x.deposit(), "deposit", x.obj().data().length)
            + other(
                x.deposit(),
                AssetPredicates.of(profile.contracts())
                    .decodeStateSync(x.obj().receiver(), x.obj().data())));
    if (snapshot.isEmpty()) {
      return;
    }
    Optional<IndexSnapshot.CommitmentRoot> root = snapshot.commitmentCovering(id);
    if (root.isEmpty()) {
      problems.add(
          new Problem(
              "obj.id",
              "deposit " + id + " is in no commitment of the file's index snapshot",
              false));
      return;
    }
    IndexSnapshot.CommitmentRoot r = root.get();
    BigInteger count = r.endId().subtract(r.startId()).add(BigInteger.ONE);
    byte[] leaf =
        BridgeLeaves.stateSyncLeaf(
            id, x.obj().sender().bytes(), x.obj().receiver().bytes(), x.obj().data());
    // StateReceiver.execute also checks the proof length against the leaf count (protocol.md)
    boolean ok =
        count.bitLength() < 63
            && MerkleProofs.checkMembershipWithHeight(
                leaf,
                id.subtract(r.startId()).longValueExact(),
                count.longValue(),
                r.root().bytes(),
                x.proof().stream().map(Hash32::bytes).toList());
    if (ok) {
      detail.add(
          "    proof reaches root "
              + r.root()
              + " of commitment "
              + r.startId()
              + ".."
              + r.endId()
              + " from the file's index snapshot"
              + (r.checkedOnChain() ? ", which matched the child chain at export" : ""));
    } else {
      problems.add(
          new Problem(
              "obj",
              "the proof does not lead from this state sync (deposit "
                  + id
                  + ", receiver "
                  + x.obj().receiver()
                  + ") to root "
                  + r.root()
                  + " of the file's index snapshot: the leaf or its proof was changed after export",
              false));
    }
  }

  private static String payload(Optional<Erc20Transfer> t, String kind, int dataLength) {
    return t.map(
            w ->
                kind
                    + " of "
                    + CallDecoder.amount(w.amount())
                    + " of root token "
                    + w.rootToken()
                    + " from "
                    + w.from()
                    + " to "
                    + w.to())
        .orElse("a message of " + dataLength + " bytes (not an ERC-20 " + kind + ")");
  }

  /** What a message that is not an ERC-20 transfer carries, decoded with its predicate. */
  private static String other(Optional<Erc20Transfer> erc20, AssetPayload p) {
    return erc20.isPresent() ? "" : ": " + AssetText.describe(p);
  }

  private String name(Address a) {
    return profile.contracts().byField().entrySet().stream()
        .filter(e -> e.getValue().equals(a))
        .map(e -> " (" + e.getKey() + ")")
        .findFirst()
        .orElse("");
  }
}
