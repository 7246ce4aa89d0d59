package io.bridgescope.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.store.rows.TxState;
import io.bridgescope.core.wallet.IndexSnapshot;
import io.bridgescope.core.wallet.Inspection;
import io.bridgescope.core.wallet.KeySession;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.ReviewedExports;
import io.bridgescope.core.wallet.SignedTx;
import io.bridgescope.core.wallet.SigningLimits;
import io.bridgescope.core.wallet.SigningPolicy;
import io.bridgescope.core.wallet.TxFiles;
import io.bridgescope.core.wallet.WalletException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air-gapped flow on a real devnet, through the same core calls as {@code tx export/sign/send}:
 * an execute on the child and an exit on the root are exported with the index's roots, checked and
 * signed offline, and sent only as reviewed; a changed leaf or a swapped call is refused.
 */
@Tag("devnet")
class AirGappedDevnetTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void exportedExecuteAndExitAreSignedOfflineAndSentOnlyAsReviewed() throws Exception {
    try (WalletFixture f = new WalletFixture(work.resolve("devnet"), true)) {
      Address me = f.account(6);
      f.keys.importPrivateKey(
          "me", WalletFixture.privateKeyHex(6).toCharArray(), "pw".toCharArray());
      BigInteger ten = WalletFixture.ETHER.multiply(BigInteger.TEN);
      f.mintRootTokens(me, ten);
      // in-process: the approve passes the signer's rules only with its deposit beside it
      Review deposit =
          f.wallet.bridge().prepareDeposit(me, f.devnet.contracts().rootToken(), me, ten);
      Outcome d = f.wallet.execute(deposit, "me", "pw".toCharArray(), WAIT);
      BigInteger depositId = d.emittedIds().get(d.emittedIds().size() - 1);
      ReviewedExports kept = new ReviewedExports(work.resolve("exported"));
      SigningPolicy signer = new SigningPolicy(f.profile, SigningLimits.DEFAULT);

      // air-gapped StateReceiver.execute of the token mapping (state sync 1)
      Review map =
          f.whenReady(() -> f.wallet.bridge().prepareSelfExecute(BigInteger.ONE, me), WAIT);
      Path mapFile = work.resolve("map.json");
      f.wallet.exportUnsigned(map, SigningLimits.DEFAULT, mapFile, kept);
      Path mapTampered =
          copy(
              mapFile,
              "map-tampered.json",
              o -> o.put("data", Hex.encode(receiverChanged(o.get("data").asText()))));
      assertThat(signer.inspectFile(TxFiles.readUnsigned(mapTampered)).fields()).contains("obj");
      Inspection mapReview = signer.inspectFile(TxFiles.readUnsigned(mapFile));
      assertThat(mapReview.problems()).isEmpty();
      assertThat(String.join("\n", mapReview.describe()))
          .contains("StateReceiver.execute(")
          .contains("which matched the child chain at export");
      Outcome mapped = send(f, kept, signOffline(f, mapReview, "map"));
      assertThat(mapped.results()).allMatch(BridgeEvents.Result::success);

      Review exec = f.whenReady(() -> f.wallet.bridge().prepareSelfExecute(depositId, me), WAIT);
      f.wallet.execute(exec, "me", "pw".toCharArray(), WAIT);
      f.await(() -> f.childTokenBalance(me).compareTo(ten) >= 0, WAIT, "the deposit on the child");

      BigInteger three = WalletFixture.ETHER.multiply(BigInteger.valueOf(3));
      Review w =
          f.wallet.bridge().prepareWithdraw(me, f.devnet.contracts().childToken(), me, three);
      BigInteger exitId = f.wallet.execute(w, "me", "pw".toCharArray(), WAIT).emittedIds().get(0);

      // air-gapped ExitHelper.exit with the proof built from the local index
      Review exit = f.whenReady(() -> f.wallet.exits().prepareExit(exitId, me), WAIT);
      Path exitFile = work.resolve("exit.json");
      f.wallet.exportUnsigned(exit, SigningLimits.DEFAULT, exitFile, kept);
      assertThat(Files.readString(exitFile)).contains("indexSnapshot").contains("checkpointBlock");
      Path leafChanged =
          copy(
              exitFile,
              "exit-leaf.json",
              o -> o.put("data", Hex.encode(exitReceiverChanged(o.get("data").asText()))));
      Inspection bad = signer.inspectFile(TxFiles.readUnsigned(leafChanged));
      assertThat(bad.fields()).contains("leaf");
      assertThatThrownBy(bad::requireSignable)
          .hasMessageContaining("leaf: the proof does not lead");

      // a swapped call signed under --allow-unknown-call is still not what was reviewed
      Path approve =
          copy(
              exitFile,
              "exit-approve.json",
              o -> {
                o.put("to", f.devnet.contracts().rootToken().toString());
                o.put(
                    "data",
                    Hex.encode(
                        BridgeAbi.approve(
                            Address.ofLow(0xdead),
                            BigInteger.TWO.pow(256).subtract(BigInteger.ONE))));
              });
      SigningLimits lenient = SigningLimits.DEFAULT.withAllowUnknownCall(true);
      SignedTx swapped =
          signOffline(
              f,
              new SigningPolicy(f.profile, lenient).inspectFile(TxFiles.readUnsigned(approve)),
              "approve");
      int journaled = f.wallet.journal().recent(1000).size();
      Inspection decoded = f.wallet.inspectSigned(swapped, lenient, IndexSnapshot.NONE);
      assertThatThrownBy(() -> kept.require(decoded.tx()))
          .matches(e -> ((WalletException) e).kind() == WalletException.Kind.REFUSED)
          .hasMessageContaining("to: the signed bytes say " + f.devnet.contracts().rootToken());
      assertThatThrownBy(
              () -> f.wallet.submitSigned(swapped, TxFiles.readUnsigned(exitFile), lenient, WAIT))
          .hasMessageContaining("not what was reviewed");
      assertThat(f.wallet.journal().recent(1000)).hasSize(journaled);

      Inspection exitReview = signer.inspectFile(TxFiles.readUnsigned(exitFile));
      assertThat(exitReview.problems()).isEmpty();
      assertThat(String.join("\n", exitReview.describe()))
          .contains("ExitHelper.exit(")
          .contains("exit " + exitId + ": leaf sender")
          .contains("withdrawal of " + three)
          .contains("which matched the root chain at export");
      BigInteger before = f.rootTokenBalance(me);
      Outcome o = send(f, kept, signOffline(f, exitReview, "exit"));
      assertThat(o.results()).extracting(BridgeEvents.Result::id).containsExactly(exitId);
      assertThat(o.results()).allMatch(BridgeEvents.Result::success);
      assertThat(f.rootTokenBalance(me)).isEqualTo(before.add(three));
      List<JournalEntry> entries = f.wallet.journal().forRelated(TxPurpose.EXIT, exitId);
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).state()).isEqualTo(TxState.MINED);
    }
  }

  /** The offline machine: reads nothing but the file, the profile and the key. */
  private SignedTx signOffline(WalletFixture f, Inspection review, String name) {
    SignedTx s;
    try (KeySession k = f.keys.unlock("me", "pw".toCharArray())) {
      s = TxFiles.signOffline(review, k);
    }
    Path file = work.resolve(name + ".signed.json");
    TxFiles.writeSigned(f.profile.name(), s, file);
    return TxFiles.readSigned(file).tx();
  }

  /** The online machine again: sends only what it exported. */
  private static Outcome send(WalletFixture f, ReviewedExports kept, SignedTx signed) {
    Inspection decoded =
        f.wallet.inspectSigned(signed, SigningLimits.DEFAULT, IndexSnapshot.NONE).requireSendable();
    TxFiles.Unsigned reviewed = kept.require(decoded.tx());
    // with the reviewed export's snapshot the proofs are checked once more before sending
    assertThat(
            f.wallet.inspectSigned(signed, SigningLimits.DEFAULT, reviewed.snapshot()).warnings())
        .isEmpty();
    return f.wallet.submitSigned(signed, reviewed, SigningLimits.DEFAULT, WAIT);
  }

  private Path copy(Path from, String name, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode o = (ObjectNode) JSON.readTree(Files.readAllBytes(from));
    edit.accept(o);
    Path to = work.resolve(name);
    Files.write(to, JSON.writeValueAsBytes(o));
    return to;
  }

  /**
   * {@code execute(proof, obj)} with obj.receiver replaced; the receiver is the third word of the
   * obj tuple, found through obj's offset (second head word).
   */
  private static byte[] receiverChanged(String hex) {
    byte[] data = Hex.decode("data", hex);
    int obj = 4 + new BigInteger(1, java.util.Arrays.copyOfRange(data, 36, 68)).intValueExact();
    data[obj + 2 * 32 + 31] ^= 0x01;
    return data;
  }

  /**
   * {@code exit(block, index, leaf, proof)} with the leaf's receiver changed; the leaf's offset is
   * the third head word, its content starts after its length word, the receiver is its third word.
   */
  private static byte[] exitReceiverChanged(String hex) {
    byte[] data = Hex.decode("data", hex);
    int leaf = 4 + new BigInteger(1, java.util.Arrays.copyOfRange(data, 68, 100)).intValueExact();
    data[leaf + 32 + 2 * 32 + 31] ^= 0x01;
    return data;
  }
}
