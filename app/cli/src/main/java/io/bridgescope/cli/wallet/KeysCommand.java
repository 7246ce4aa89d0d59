package io.bridgescope.cli.wallet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.cli.CliException;
import io.bridgescope.cli.Json;
import io.bridgescope.cli.Output;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.Keystore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./bridgescope keys}: the local key store (V3 keystore files in the data directory). */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage the local key store (encrypted V3 keystore files).",
    subcommands = {
      KeysCommand.Create.class,
      KeysCommand.Import.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Rename.class,
      KeysCommand.Export.class,
      KeysCommand.Delete.class
    })
public final class KeysCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Text {@code created key 'a' 0x… (file)}; JSON {@code {"created": {name, address, file}}}. */
  static void printKey(WalletOptions opts, String verb, KeyInfo k) {
    printKey(opts, verb, k, json(k));
  }

  static void printKey(WalletOptions opts, String verb, KeyInfo k, ObjectNode json) {
    if (opts.json) {
      ObjectNode doc = Json.object();
      doc.set(verb, json);
      Output.document(doc);
    } else {
      System.out.println(verb + " key '" + k.name() + "' " + k.address() + " (" + k.file() + ")");
    }
  }

  static ObjectNode json(KeyInfo k) {
    ObjectNode o = Json.object();
    o.put("name", k.name());
    o.put("address", k.address().toString());
    o.put("file", k.file().toString());
    k.problem().ifPresent(p -> o.put("problem", p));
    return o;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a new random key.")
  static final class Create implements Callable<Integer> {
    @Mixin WalletOptions opts;
    @Mixin Secrets secrets;

    @Parameters(index = "0", description = "Name for the key.")
    String name;

    @Override
    public Integer call() {
      printKey(
          opts, "created", opts.keystore().create(name, secrets.newPassword("key '" + name + "'")));
      System.out.println("back it up: bridgescope keys export " + name + " <file>");
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import a V3 keystore file (--keystore), a raw private key (--private-key) or a BIP-39"
              + " mnemonic (--mnemonic). Secrets are read from a file or a hidden prompt, never"
              + " from the command line.")
  static final class Import implements Callable<Integer> {
    @Mixin WalletOptions opts;
    @Mixin Secrets secrets;

    @Parameters(index = "0", description = "Name for the key.")
    String name;

    @Option(names = "--keystore", description = "V3 keystore JSON file (kept with its password).")
    Path keystoreFile;

    @Option(names = "--private-key", description = "Import a raw private key (asked hidden).")
    boolean privateKey;

    @Option(names = "--key-file", description = "Read the private key (hex) from this file.")
    Path keyFile;

    @Option(names = "--mnemonic", description = "Import from a BIP-39 mnemonic (asked hidden).")
    boolean mnemonic;

    @Option(names = "--mnemonic-file", description = "Read the mnemonic from this file.")
    Path mnemonicFile;

    @Option(
        names = "--path",
        defaultValue = "m/44'/60'/0'/0/0",
        description = "Derivation path for a mnemonic. Default: ${DEFAULT-VALUE}.")
    String path;

    @Override
    public Integer call() {
      Keystore ks = opts.keystore();
      KeyInfo k;
      if (keystoreFile != null) {
        k =
            ks.importKeystoreFile(
                name, keystoreFile, secrets.password("Password of " + keystoreFile + ": "));
      } else if (privateKey || keyFile != null) {
        char[] key =
            keyFile != null
                ? Secrets.readFirstLine(keyFile, "key")
                : Secrets.ask("Private key (hex): ");
        k = ks.importPrivateKey(name, key, secrets.newPassword("key '" + name + "'"));
      } else if (mnemonic || mnemonicFile != null) {
        char[] words =
            mnemonicFile != null
                ? Secrets.readFirstLine(mnemonicFile, "mnemonic")
                : Secrets.ask("Mnemonic words: ");
        k = ks.importMnemonic(name, words, path, secrets.newPassword("key '" + name + "'"));
      } else {
        throw new IllegalArgumentException(
            "say what to import: --keystore FILE, --private-key (or --key-file FILE) or --mnemonic"
                + " (or --mnemonic-file FILE)");
      }
      printKey(opts, "imported", k);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys.")
  static final class ListKeys implements Callable<Integer> {
    @Mixin WalletOptions opts;

    @Override
    public Integer call() {
      var keys = opts.keystore().list();
      if (opts.json) {
        ArrayNode arr = Json.array();
        keys.forEach(k -> arr.add(json(k)));
        Output.document(arr);
        return 0;
      }
      if (keys.isEmpty()) {
        System.out.println(
            "no keys in " + opts.keystore().directory() + " (bridgescope keys create NAME)");
      }
      for (KeyInfo k : keys) {
        System.out.printf(
            "%-20s %s%s%n",
            k.name(), k.address(), k.problem().map(p -> "  PROBLEM: " + p).orElse(""));
      }
      return 0;
    }
  }

  @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a key.")
  static final class Rename implements Callable<Integer> {
    @Mixin WalletOptions opts;

    @Parameters(index = "0", description = "Key name or address.")
    String key;

    @Parameters(index = "1", description = "New name.")
    String newName;

    @Override
    public Integer call() {
      printKey(opts, "renamed", opts.keystore().rename(key, newName));
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Copy a key's encrypted V3 file (same password) to a file, e.g. for a backup.")
  static final class Export implements Callable<Integer> {
    @Mixin WalletOptions opts;

    @Parameters(index = "0", description = "Key name or address.")
    String key;

    @Parameters(index = "1", description = "Target file (must not exist).")
    Path target;

    @Option(
        names = "--force",
        description = "Export even a key that `keys list` marks PROBLEM (its copy is no backup).")
    boolean force;

    @Override
    public Integer call() {
      KeyInfo k = opts.keystore().find(key);
      Path to = opts.keystore().export(key, target, force);
      if (opts.json) {
        printKey(opts, "exported", k, json(k).put("to", to.toString()));
      } else {
        System.out.println("exported to " + to);
      }
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a key. Without a backup (keys export) the funds it holds are lost.")
  static final class Delete implements Callable<Integer> {
    @Mixin WalletOptions opts;

    @Parameters(index = "0", description = "Key name or address.")
    String key;

    @Option(names = "--yes", description = "Confirm the deletion.")
    boolean yes;

    @Override
    public Integer call() {
      KeyInfo k = opts.keystore().find(key);
      if (!yes) {
        throw CliException.confirmationRequired(
            "this deletes key "
                + k.describe()
                + " for good; run again with --yes if you have a backup");
      }
      opts.keystore().delete(key);
      if (opts.json) {
        printKey(opts, "deleted", k);
      } else {
        System.out.println("deleted key " + k.describe());
      }
      return 0;
    }
  }
}
