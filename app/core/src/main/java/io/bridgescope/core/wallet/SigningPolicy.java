package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.CallDecoder.Approve;
import io.bridgescope.core.wallet.CallDecoder.Call;
import io.bridgescope.core.wallet.CallDecoder.Execute;
import io.bridgescope.core.wallet.CallDecoder.Exits;
import io.bridgescope.core.wallet.CallDecoder.TokenMove;
import io.bridgescope.core.wallet.Inspection.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a transaction may be signed, from its raw fields alone: a known bridge call to
 * this profile's contract on the matching chain, no value, fees under the user's ceiling, and every
 * proof in it leading to the root the exporting index stored. Labels that travel with the fields (a
 * file's summary, purpose, chain) are compared with what the fields say, never shown as truth.
 */
public final class SigningPolicy {

  /**
   * A deposit signed together with an approve, or written beside it in an air-gapped file: the only
   * thing an approve may be for.
   */
  public record Companion(Address to, Bytes data) {
    public Companion {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(data, "data");
    }
  }

  private final NetworkProfile profile;
  private final SigningLimits limits;

  public SigningPolicy(NetworkProfile profile, SigningLimits limits) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * An air-gapped file: its fields against this profile, its proofs against its index snapshot, and
   * its labels and network name against what the fields say.
   */
  public Inspection inspectFile(TxFiles.Unsigned file) {
    List<Problem> pre = new ArrayList<>();
    if (!file.network().equals(profile.name())) {
      pre.add(
          new Problem(
              "network",
              "the file was prepared for network '"
                  + file.network()
                  + "', but it is checked against profile '"
                  + profile.name()
                  + "' (choose that profile with --network)",
              false));
    }
    return inspect(file.tx(), file.snapshot(), file.approvalFor(), true, pre);
  }

  /**
   * Fields decoded from signed bytes, which carry no labels; their proofs are checked against
   * {@code snapshot} (that of the export they are compared with) unless it is empty.
   */
  public Inspection inspectSigned(UnsignedTx fromBytes, IndexSnapshot snapshot) {
    return inspectSigned(fromBytes, snapshot, List.of());
  }

  /**
   * As above, with the deposits the reviewed export said an approval in these bytes is for (its
   * {@code approvalFor}); they are checked against the approval as when it was exported.
   */
  public Inspection inspectSigned(
      UnsignedTx fromBytes, IndexSnapshot snapshot, List<Companion> approvalFor) {
    return inspect(fromBytes, snapshot, approvalFor, false, List.of());
  }

  /** A transaction the wallet planned itself, with the other steps of its review. */
  Inspection inspectPlanned(UnsignedTx tx, IndexSnapshot snapshot, List<Companion> companions) {
    return inspect(tx, snapshot, companions, false, List.of());
  }

  private Inspection inspect(
      UnsignedTx tx,
      IndexSnapshot snapshot,
      List<Companion> companions,
      boolean checkLabels,
      List<Problem> pre) {
    List<Problem> problems = new ArrayList<>(pre);
    List<String> warnings = new ArrayList<>();
    byte[] data = tx.data().value();
    Optional<BridgeFunction> fn = CallDecoder.function(data, tx.to(), profile.contracts());
    Optional<Call> call = Optional.empty();
    // an approve or setApprovalForAll is a token call on either chain (a root token for a deposit
    // to the child, a child-native token for one to the root): its chain id says which, and
    // checkCall holds it to that chain's deposit predicate
    ChainRole role =
        fn.filter(f -> !f.onToken()).map(f -> f.chain).orElseGet(() -> roleOfChainId(tx));
    if (fn.isEmpty()) {
      problems.add(
          unknown(
              "data",
              data.length == 0
                  ? "carries no call (a plain transfer of " + ether(tx.value(), role) + ")"
                  : "selector "
                      + Hex.encode(Arrays.copyOf(data, Math.min(4, data.length)))
                      + " is not a bridge call the wallet knows"));
    } else {
      try {
        call = CallDecoder.decode(data, tx.to(), profile.contracts());
      } catch (AbiDecodingException e) {
        problems.add(unknown("data", "does not decode: " + e.getMessage()));
      }
    }
    long expectedChainId = profile.chain(role).chainId();
    if (tx.chainId() != expectedChainId) {
      problems.add(
          new Problem(
              "chainId",
              "is "
                  + tx.chainId()
                  + ", but the call goes to the "
                  + role.key()
                  + " chain, whose chain id in profile '"
                  + profile.name()
                  + "' is "
                  + expectedChainId,
              false));
    }
    fn.ifPresent(f -> checkTarget(f, tx, problems));
    call.ifPresent(c -> checkCall(c, tx, role, companions, problems));
    if (fn.isPresent() && tx.value().signum() != 0) {
      problems.add(
          new Problem(
              "value",
              "is "
                  + ether(tx.value(), role)
                  + ", but "
                  + fn.get().functionName()
                  + " takes no value: it must be 0",
              false));
    } else if (fn.isEmpty() && tx.value().signum() != 0) {
      warnings.add("the transaction sends " + ether(tx.value(), role));
    }
    checkFees(tx, problems);
    ProofChecks proofs = new ProofChecks(profile, snapshot);
    List<String> detail = new ArrayList<>();
    call.ifPresent(c -> proofs.check(c, detail, problems, warnings));
    if (call.isPresent() && call.get().function().onToken()) {
      companionLines(tx, companions, detail);
    }
    TxPurpose purpose = fn.map(f -> f.purpose).orElse(TxPurpose.OTHER);
    Optional<BigInteger> relatedId = call.flatMap(SigningPolicy::relatedId);
    String summary = call.map(c -> Summaries.of(c, tx.to())).orElse(unknownSummary(tx, role));
    if (checkLabels) {
      checkLabels(tx, role, purpose, relatedId, summary, problems);
    }
    UnsignedTx labelled =
        new UnsignedTx(
            role,
            tx.chainId(),
            tx.from(),
            tx.nonce(),
            tx.to(),
            tx.data(),
            tx.value(),
            tx.gasLimit(),
            tx.fees(),
            purpose,
            relatedId,
            summary);
    List<String> lines = lines(labelled, call, detail);
    DecodedCall decoded =
        call.map(
                c ->
                    new DecodedCall(
                        c.function().contractName,
                        tx.to(),
                        c.function().functionName(),
                        c.args(),
                        tx.value()))
            .orElse(
                new DecodedCall(
                    "unknown contract", tx.to(), "unknown call", List.of(), tx.value()));
    return new Inspection(labelled, decoded, lines, problems, warnings, limits.allowUnknownCall());
  }

  /**
   * The deposit an approval is for, decoded from its own bytes: an air-gapped file carries it
   * beside the approval, unsigned, and the signer shows it so the approval is judged with its
   * purpose.
   */
  private void companionLines(UnsignedTx tx, List<Companion> companions, List<String> detail) {
    for (Companion c : companions) {
      if (c.to().equals(tx.to()) && c.data().equals(tx.data())) {
        continue; // the approval itself, when a whole review is passed
      }
      String what;
      try {
        what =
            CallDecoder.decode(c.data().value(), c.to(), profile.contracts())
                .map(SigningPolicy::render)
                .orElse("a call the wallet does not know");
      } catch (AbiDecodingException e) {
        what = "a call that does not decode (" + e.getMessage() + ")";
      }
      detail.add("approval for: " + what + " at " + c.to() + " (not signed here)");
    }
  }

  private void checkTarget(BridgeFunction f, UnsignedTx tx, List<Problem> problems) {
    if (f.onToken()) {
      return;
    }
    Optional<Address> expected = f.contract(profile.contracts());
    if (expected.isEmpty()) {
      problems.add(
          unknown(
              "to",
              "is "
                  + tx.to()
                  + ", but profile '"
                  + profile.name()
                  + "' names no "
                  + f.contractName
                  + " (contracts."
                  + f.profileField()
                  + "), so "
                  + f.functionName()
                  + " is signed for no contract; add the predicate to the profile"));
    } else if (!expected.get().equals(tx.to())) {
      problems.add(
          unknown(
              "to",
              "is "
                  + tx.to()
                  + ", not the "
                  + f.contractName
                  + " of profile '"
                  + profile.name()
                  + "' ("
                  + expected.get()
                  + "), the only contract "
                  + f.functionName()
                  + " is signed for"));
    }
  }

  /** An approve passes only for the exact amount of a deposit to the predicate signed with it. */
  private void checkCall(
      Call c, UnsignedTx tx, ChainRole role, List<Companion> companions, List<Problem> problems) {
    if (c instanceof NftCalls.SetApproval s) {
      NftApprovals.check(profile, s, tx, role, companions)
          .ifPresent(m -> problems.add(unknown("data", m)));
      return;
    }
    if (!(c instanceof Approve a)) {
      return;
    }
    BridgeFunction deposit =
        role == ChainRole.ROOT ? BridgeFunction.DEPOSIT_TO : BridgeFunction.DEPOSIT_TO_CHILD_NATIVE;
    Address predicate =
        role == ChainRole.ROOT
            ? profile.contracts().rootErc20Predicate()
            : deposit.contract(profile.contracts()).orElse(null);
    boolean matched =
        predicate != null
            && a.spender().equals(predicate)
            && companions.stream()
                .filter(d -> d.to().equals(predicate))
                .map(d -> CallDecoder.decode(d.data().value()))
                .flatMap(Optional::stream)
                .anyMatch(
                    d ->
                        d instanceof TokenMove m
                            && m.token().equals(tx.to())
                            && m.amount().equals(a.amount()));
    if (!matched) {
      problems.add(
          unknown(
              "data",
              "approve(spender="
                  + a.spender()
                  + ", amount="
                  + CallDecoder.amount(a.amount())
                  + ") on token "
                  + tx.to()
                  + " on the "
                  + role.key()
                  + " chain is not a bridge call: the wallet approves only the "
                  + deposit.contractName
                  + " ("
                  + predicate
                  + ") and only for the exact amount of a deposit signed with it"));
    }
  }

  private void checkFees(UnsignedTx tx, List<Problem> problems) {
    if (tx.gasLimit() > limits.maxGasLimit()) {
      problems.add(
          new Problem(
              "gasLimit",
              tx.gasLimit()
                  + " is above the ceiling of "
                  + limits.maxGasLimit()
                  + " (raise it with --max-gas if this is really meant)",
              false));
    }
    Fees f = tx.fees();
    if (f.maxFeePerGas().compareTo(limits.maxFeePerGas()) > 0) {
      problems.add(
          new Problem(
              "maxFeePerGas",
              Amounts.gwei(f.maxFeePerGas())
                  + " is above the ceiling of "
                  + Amounts.gwei(limits.maxFeePerGas())
                  + " (raise it with --max-fee-gwei if this is really meant)",
              false));
    }
    if (f.maxPriorityFeePerGas().compareTo(f.maxFeePerGas()) > 0) {
      problems.add(
          new Problem(
              "maxPriorityFeePerGas",
              Amounts.gwei(f.maxPriorityFeePerGas())
                  + " is above maxFeePerGas "
                  + Amounts.gwei(f.maxFeePerGas()),
              false));
    }
  }

  private void checkLabels(
      UnsignedTx tx,
      ChainRole role,
      TxPurpose purpose,
      Optional<BigInteger> relatedId,
      String summary,
      List<Problem> problems) {
    if (tx.chain() != role) {
      problems.add(
          label("chain", "says " + tx.chain().key() + ", the call goes to the " + role.key()));
    }
    if (tx.purpose() != purpose) {
      problems.add(
          label("purpose", "says " + tx.purpose().key() + ", the call is " + purpose.key()));
    }
    if (!tx.relatedId().equals(relatedId)) {
      problems.add(
          label(
              "relatedId",
              "says "
                  + tx.relatedId().map(BigInteger::toString).orElse("none")
                  + ", the call is for "
                  + relatedId.map(BigInteger::toString).orElse("none")));
    }
    if (!tx.summary().equals(summary)) {
      // the file's text is not repeated: it is exactly what must not be shown as truth
      problems.add(label("summary", "does not describe the call, which is: " + summary));
    }
  }

  private List<String> lines(UnsignedTx t, Optional<Call> call, List<String> detail) {
    Map<String, Address> named = profile.contracts().byField();
    String toName =
        named.entrySet().stream()
            .filter(e -> e.getValue().equals(t.to()))
            .map(e -> e.getKey() + " of profile '" + profile.name() + "'")
            .findFirst()
            .orElse(
                call.filter(c -> c.function().onToken())
                    .map(c -> "the token")
                    .orElse("not a contract of profile '" + profile.name() + "'"));
    List<String> out = new ArrayList<>();
    out.add("Decoded from the fields to be signed (no description from the file is shown):");
    out.add("  chain      " + t.chain().key() + ", chain id " + t.chainId());
    out.add("  from       " + t.from());
    out.add("  to         " + t.to() + " (" + toName + ")");
    out.add("  value      " + ether(t.value(), t.chain()));
    out.add("  nonce      " + t.nonce());
    out.add("  gas limit  " + t.gasLimit());
    out.add(
        "  fees       "
            + (t.fees().eip1559()
                ? "EIP-1559, max "
                    + Amounts.gwei(t.fees().maxFeePerGas())
                    + " per gas, priority "
                    + Amounts.gwei(t.fees().maxPriorityFeePerGas())
                : "legacy, " + Amounts.gwei(t.fees().maxFeePerGas()) + " per gas")
            + "; at most "
            + ether(t.maxFee(), t.chain())
            + " in fees");
    String callText =
        call.map(SigningPolicy::render)
            .orElse("unknown, " + t.data().length() + " bytes: " + shortHex(t.data().value()));
    out.add("  call       " + callText);
    detail.forEach(d -> out.add("  " + d));
    return out;
  }

  /** {@code Contract.function(name=value, …)}. */
  private static String render(Call c) {
    return c.function().contractName
        + "."
        + c.function().functionName()
        + "("
        + String.join(", ", c.args().stream().map(a -> a.name() + "=" + a.value()).toList())
        + ")";
  }

  private ChainRole roleOfChainId(UnsignedTx tx) {
    for (ChainRole r : ChainRole.values()) {
      if (profile.chain(r).chainId() == tx.chainId()) {
        return r;
      }
    }
    return tx.chain();
  }

  private static Optional<BigInteger> relatedId(Call c) {
    if (c instanceof Exits e && e.function() == BridgeFunction.EXIT) {
      return Optional.of(e.inputs().get(0).leaf().id());
    }
    if (c instanceof Execute x) {
      return Optional.of(x.obj().id());
    }
    return Optional.empty();
  }

  private static String unknownSummary(UnsignedTx tx, ChainRole role) {
    byte[] d = tx.data().value();
    return d.length == 0
        ? "transfer of " + ether(tx.value(), role) + " to " + tx.to()
        : "unknown call " + Hex.encode(Arrays.copyOf(d, Math.min(4, d.length))) + " to " + tx.to();
  }

  private static String shortHex(byte[] d) {
    String h = Hex.encode(d);
    return h.length() <= 74 ? h : h.substring(0, 74) + "…";
  }

  private static String ether(BigInteger wei, ChainRole chain) {
    return Amounts.ether(wei) + " " + TxPlanner.nativeSymbol(chain);
  }

  private static Problem unknown(String field, String message) {
    return new Problem(field, message, true);
  }

  private static Problem label(String field, String message) {
    return new Problem(field, "the file's label " + message, true);
  }
}
