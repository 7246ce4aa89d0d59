package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.cli.wallet.Secrets;
import io.bridgescope.core.evidence.EvidenceBundle;
import io.bridgescope.core.evidence.EvidenceJson;
import io.bridgescope.core.evidence.ExporterSignature;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.verify.EvidenceExport;
import io.bridgescope.core.wallet.KeySession;
import io.bridgescope.core.wallet.Keystore;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope export-evidence}: writes the evidence bundle of a commitment or checkpoint
 * from the local index (ADR 0015), optionally signed by a keystore key, for {@code verify-evidence}
 * to re-check anywhere. The same index gives the same bytes.
 */
@Command(
    name = "export-evidence",
    mixinStandardHelpOptions = true,
    description =
        "Write the evidence bundle of a commitment or checkpoint (verify-evidence reads it).")
public final class ExportEvidenceCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Mixin Secrets secrets;

  static final class Subject {
    @Option(
        names = "--commitment",
        paramLabel = "START_ID",
        description = "Commitment by its first state-sync id.")
    BigInteger commitment;

    @Option(
        names = "--checkpoint",
        paramLabel = "EPOCH|TX",
        description = "Checkpoint: an epoch (its latest checkpoint) or a submit transaction hash.")
    String checkpoint;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it.")
  Path out;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Option(
      names = "--sign-with",
      paramLabel = "KEY",
      description =
          "Sign the bundle (EIP-191) with this keystore key, so its recipient knows who exported it.")
  String signWith;

  @Override
  public Integer call() throws Exception {
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    Optional<EvidenceBundle> found =
        subject.commitment != null
            ? db.read(c -> EvidenceExport.commitment(c, p, subject.commitment))
            : db.read(c -> checkpointTx(c, subject.checkpoint))
                .flatMap(tx -> db.read(c -> EvidenceExport.checkpoint(c, p, tx)));
    if (found.isEmpty()) {
      throw new CliException(
          "not_indexed",
          (subject.commitment != null
                  ? "no indexed commitment starts at state sync " + subject.commitment
                  : "no indexed checkpoint " + subject.checkpoint)
              + " (run `./bridgescope index`)");
    }
    EvidenceBundle b = found.get();
    if (signWith != null) {
      Keystore ks = Keystore.inDataDirectory(net.dataDir().root());
      try (KeySession k =
          ks.unlock(signWith, secrets.password("Password for " + signWith + ": "))) {
        b =
            ExporterSignature.attach(
                b, k.address(), k.signPersonalMessage(ExporterSignature.message(b)));
      }
    }
    byte[] bytes = EvidenceJson.write(b);
    if (force) {
      Files.write(out, bytes);
    } else {
      Files.write(out, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    ObjectNode o = Json.object();
    o.put("file", out.toString());
    o.put("kind", b.kind().key());
    o.put("transaction", b.transaction().toString());
    o.put("leaves", b.leaves().size());
    o.put("validators", b.validators().size());
    o.put("bytes", bytes.length);
    if (b.exporter().isPresent()) {
      o.put("signedBy", b.exporter().get().address().toString());
    } else {
      o.putNull("signedBy");
    }
    if (net.json()) {
      Output.document(o);
    } else {
      System.out.printf(
          "wrote %s: %s %s, %d leaves, %d validators%s%n",
          out,
          b.kind().key(),
          b.transaction(),
          b.leaves().size(),
          b.validators().size(),
          b.exporter().map(e -> ", signed by " + e.address()).orElse(""));
    }
    return 0;
  }

  private static Optional<Hash32> checkpointTx(java.sql.Connection c, String which)
      throws java.sql.SQLException {
    if (which.startsWith("0x")) {
      try {
        return Optional.of(Hash32.of(which));
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--checkpoint: " + e.getMessage());
      }
    }
    long epoch;
    try {
      epoch = Long.parseLong(which);
    } catch (NumberFormatException e) {
      throw CliException.usage("--checkpoint takes an epoch number or a 0x transaction hash");
    }
    return new CheckpointDao(c).latestOfEpoch(epoch).map(CheckpointRow::submitTx);
  }
}
