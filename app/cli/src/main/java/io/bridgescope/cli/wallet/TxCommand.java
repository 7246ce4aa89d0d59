package io.bridgescope.cli.wallet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.cli.CliException;
import io.bridgescope.cli.Json;
import io.bridgescope.cli.Output;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.wallet.AirGap;
import io.bridgescope.core.wallet.Inspection;
import io.bridgescope.core.wallet.KeySession;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.ReviewedExports;
import io.bridgescope.core.wallet.SignedTx;
import io.bridgescope.core.wallet.SigningLimits;
import io.bridgescope.core.wallet.SigningPolicy;
import io.bridgescope.core.wallet.TxFiles;
import io.bridgescope.core.wallet.TxSender;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope tx}: the air-gapped flow (export an unsigned transaction, sign it offline,
 * send the signed file) and the journal (list, resume after a crash).
 */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = "Air-gapped signing and the transaction journal.",
    subcommands = {
      TxCommand.Export.class,
      AssetExports.Withdraw.class,
      AssetExports.Deposit.class,
      TxCommand.Sign.class,
      TxCommand.Send.class,
      TxCommand.Resume.class,
      TxCommand.ListTx.class
    })
public final class TxCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Preflight an exit (--exit ID or --all) or self-execution and write it unsigned.")
  static final class Export implements Callable<Integer> {
    @Mixin WalletOptions opts;
    @Mixin SigningOptions signing;

    @Option(names = "--from", required = true, description = "Address that will sign and pay.")
    String from;

    @Option(names = "--exit", description = "Exit id to claim.")
    BigInteger exit;

    @Option(names = "--all", description = "Claim every ready exit of --from in one batch.")
    boolean all;

    @Option(names = "--self-execute", description = "Deposit id to execute on the child.")
    BigInteger execute;

    @Option(names = "--out", required = true, description = "File to write (must not exist).")
    Path out;

    @Override
    public Integer call() throws Exception {
      try (WalletOptions.Session s = opts.open()) {
        var a = io.bridgescope.core.model.Address.of(from);
        Review r;
        if (exit != null) {
          r = s.wallet().exits().prepareExit(exit, a);
        } else if (all) {
          r = s.wallet().exits().prepareClaimAll(a, a);
        } else if (execute != null) {
          r = s.wallet().bridge().prepareSelfExecute(execute, a);
        } else {
          throw new IllegalArgumentException(
              "say what to export: --exit ID, --all or --self-execute ID");
        }
        write(opts, signing, s, r, out);
      }
      return 0;
    }
  }

  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description =
          "Sign an unsigned transaction file. Needs no node, only the network's profile"
              + " (--network NAME or FILE): works on an offline machine. Shows what the bytes say"
              + " and refuses anything but a known bridge call to the profile's contracts.")
  static final class Sign implements Callable<Integer> {
    @Mixin WalletOptions opts;
    @Mixin Secrets secrets;

    @Option(names = "--file", required = true, description = "Unsigned transaction file.")
    Path file;

    @Option(
        names = {"-k", "--key"},
        required = true,
        description = "Key name or address.")
    String key;

    @Option(names = "--out", description = "Signed file to write (default: <file>.signed.json).")
    Path out;

    @Mixin SigningOptions signing;

    @Override
    public Integer call() {
      TxFiles.Unsigned u = TxFiles.readUnsigned(file);
      // the profile is the signer's own: the file's contracts and chain ids are checked against it
      NetworkProfile profile = opts.profile();
      Inspection i = new SigningPolicy(profile, signing.limits()).inspectFile(u);
      System.out.println("signing for network " + profile.name());
      SigningOptions.print(i, System.out);
      i.requireSignable();
      var ks = opts.keystore();
      var info = ks.find(key);
      if (!info.address().equals(i.tx().from())) {
        throw new IllegalArgumentException(
            "the transaction is from " + i.tx().from() + ", not from key " + info.describe());
      }
      char[] pw =
          secrets.password("Password for key " + info.describe() + " to sign exactly this: ");
      SignedTx s;
      try (KeySession session = ks.unlock(key, pw)) {
        s = TxFiles.signOffline(i, session);
      }
      Path target = out != null ? out : AirGap.signedPath(file);
      TxFiles.writeSigned(u.network(), s, target);
      System.out.println("signed " + s.hash() + " → " + target);
      if (opts.json) {
        ObjectNode doc = Json.object();
        doc.put("network", u.network());
        doc.put("hash", s.hash().toString());
        doc.put("file", target.toString());
        Output.document(doc);
      }
      return 0;
    }
  }

  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description =
          "Journal and broadcast a signed transaction file, then follow it to inclusion; only if"
              + " its bytes equal the transaction `tx export` wrote (or --reviewed FILE).")
  static final class Send implements Callable<Integer> {
    @Mixin WalletOptions opts;

    @Option(names = "--file", required = true, description = "Signed transaction file.")
    Path file;

    @Option(
        names = "--reviewed",
        description =
            "The unsigned file that was reviewed, when it was not exported from this data"
                + " directory (by default the copy `tx export` kept is used).")
    Path reviewed;

    @Mixin SigningOptions signing;

    @Override
    public Integer call() throws Exception {
      TxFiles.Signed signed = TxFiles.readSigned(file);
      try (WalletOptions.Session s = opts.open()) {
        String name = s.profile().name();
        if (!signed.network().equals(name)) {
          throw new CliException(
              "wrong_network",
              "the file was prepared for network '" + signed.network() + "', not '" + name + "'");
        }
        SigningLimits limits = signing.limits();
        ReviewedExports kept = exports(opts, s.profile());
        AirGap.ToSend t =
            AirGap.checkSigned(
                s.wallet(),
                signed,
                limits,
                kept,
                reviewed == null ? null : TxFiles.readUnsigned(reviewed));
        Inspection i = t.inspection();
        System.out.println("sending on network " + name);
        SigningOptions.print(i, System.out);
        i.requireSendable();
        Outcome o =
            s.wallet().submitSigned(signed.tx(), t.requireReviewed(kept), limits, opts.timeout());
        Actions a = new Actions();
        a.opts = opts;
        return a.report(o);
      }
    }
  }

  /**
   * Prints {@code r}, writes its one transaction unsigned to {@code out} (nothing is signed), keeps
   * the reviewed copy, and says how to sign it offline.
   */
  static void write(
      WalletOptions opts, SigningOptions signing, WalletOptions.Session s, Review whole, Path out) {
    Review r =
        whole.firstStepOnly(
            whole.steps().get(0).call().function().equals("mapToken")
                ? AssetExports.MAPPING_FIRST
                : AssetExports.APPROVAL_FIRST);
    r.describe().forEach(System.out::println);
    ReviewedExports kept = exports(opts, s.profile());
    Inspection i = s.wallet().exportUnsigned(whole, signing.limits(), out, kept);
    SigningOptions.print(i, System.out);
    System.out.println("unsigned transaction written to " + out + "; sign it offline with:");
    System.out.println(
        "  bridgescope tx sign --network "
            + s.profile().name()
            + " --file "
            + out
            + " --key NAME --out signed.json");
    System.out.println(
        "a copy is kept in " + kept.dir() + ": `tx send` sends only signed bytes equal to it");
    if (opts.json) {
      ObjectNode doc = Json.object();
      doc.set("review", Actions.json(r));
      doc.put("network", s.profile().name());
      doc.put("file", out.toString());
      Output.document(doc);
    }
  }

  /** Where {@code tx export} keeps what it wrote, beside the network's database. */
  static ReviewedExports exports(WalletOptions opts, NetworkProfile p) {
    return AirGap.reviewedExports(opts.dataDir(), p.name());
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description =
          "Re-check unfinished journal entries; resend signed ones the node does not know.")
  static final class Resume implements Callable<Integer> {
    @Mixin WalletOptions opts;

    @Override
    public Integer call() throws Exception {
      try (WalletOptions.Session s = opts.open()) {
        var done = s.wallet().sender().resume();
        if (opts.json) {
          ArrayNode arr = Json.array();
          for (TxSender.Resumed r : done) {
            ObjectNode o = arr.addObject();
            o.put("id", r.entry().id());
            o.put("hash", r.entry().txHash().toString());
            o.put("purpose", r.entry().purpose().key());
            o.put("state", r.state().key());
            o.put("note", r.note());
          }
          Output.document(arr);
          return 0;
        }
        if (done.isEmpty()) {
          System.out.println("nothing unfinished in the journal");
        }
        for (TxSender.Resumed r : done) {
          System.out.println(
              "#"
                  + r.entry().id()
                  + " "
                  + r.entry().txHash()
                  + " ("
                  + r.entry().purpose().key()
                  + "): "
                  + r.state().key()
                  + " — "
                  + r.note());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The latest journal entries.")
  static final class ListTx implements Callable<Integer> {
    @Mixin WalletOptions opts;

    @Option(names = "--limit", defaultValue = "20", description = "How many. Default: 20.")
    int limit;

    @Override
    public Integer call() throws Exception {
      try (WalletOptions.Session s = opts.open()) {
        var entries = s.wallet().journal().recent(limit);
        if (opts.json) {
          var arr = Json.array();
          for (JournalEntry e : entries) {
            var o = arr.addObject();
            o.put("id", e.id());
            o.put("chain", e.chain().key());
            o.put("from", e.from().toString());
            o.put("nonce", e.nonce());
            o.put("hash", e.txHash().toString());
            o.put("purpose", e.purpose().key());
            e.relatedId().ifPresent(r -> o.put("relatedId", r.toString()));
            o.put("state", e.state().key());
            e.blockNumber().ifPresent(b -> o.put("block", b));
            e.error().ifPresent(x -> o.put("error", x));
          }
          Output.document(arr);
          return 0;
        }
        for (JournalEntry e : entries) {
          System.out.printf(
              "#%-4d %-5s %-10s %-8s %s nonce %d%s%n",
              e.id(),
              e.chain().key(),
              e.purpose().key(),
              e.state().key(),
              e.txHash(),
              e.nonce(),
              e.relatedId().map(r -> " id " + r).orElse("")
                  + e.error().map(x -> " (" + x + ")").orElse(""));
        }
      }
      return 0;
    }
  }
}
