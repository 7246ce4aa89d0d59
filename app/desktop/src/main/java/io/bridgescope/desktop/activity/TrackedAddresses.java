package io.bridgescope.desktop.activity;

import io.bridgescope.core.model.Address;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses My activity follows besides the keys, in {@code <data dir>/activity-addresses.txt}:
 * one address a line, {@code #} starts a comment. The file is outside input: anything else in it (a
 * line that is not an address, bytes that are not UTF-8, a file too large to be ours) is a {@link
 * TrackedAddressesException} naming the file and the line, and the file is then never overwritten,
 * so a hand edit gone wrong can be fixed rather than lost. Writes go to a temporary file moved into
 * place. Called on worker threads only; one instance per data directory serialises its writes.
 */
public final class TrackedAddresses {

  /** The file's name in the data directory. */
  public static final String FILE = "activity-addresses.txt";

  /** Far more than anyone follows by hand; a larger file is not one this app wrote. */
  static final int MAX_BYTES = 256 * 1024;

  static final int MAX_ADDRESSES = 1000;

  private final Path file;

  public TrackedAddresses(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /** The followed addresses in the order added (none when the file does not exist yet). */
  public synchronized List<Address> list() {
    if (!Files.exists(file)) {
      return List.of();
    }
    if (!Files.isRegularFile(file)) {
      throw damaged("is not a regular file");
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw damaged("is larger than " + MAX_BYTES / 1024 + " KiB, so not a list this app wrote");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TrackedAddressesException(
          file, "Could not read the followed addresses in " + file + ": " + e.getMessage(), e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw damaged("is not UTF-8 text");
    }
    Set<Address> out = new LinkedHashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      String value = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (value.isEmpty()) {
        continue;
      }
      if (!value.matches("0[xX][0-9a-fA-F]{40}")) {
        throw damaged(
            "line "
                + (i + 1)
                + " is not an address (0x and 40 hex digits): \""
                + shorten(value)
                + "\"");
      }
      out.add(Address.of(value.toLowerCase(Locale.ROOT)));
      if (out.size() > MAX_ADDRESSES) {
        throw damaged("lists more than " + MAX_ADDRESSES + " addresses");
      }
    }
    return List.copyOf(out);
  }

  /** Adds {@code a} (already followed: nothing changes); refused while the file is damaged. */
  public synchronized List<Address> add(Address a) {
    List<Address> now = new ArrayList<>(list());
    if (!now.contains(a)) {
      if (now.size() >= MAX_ADDRESSES) {
        throw new TrackedAddressesException(
            file, "At most " + MAX_ADDRESSES + " addresses can be followed; remove some first");
      }
      now.add(a);
      write(now);
    }
    return List.copyOf(now);
  }

  /** Removes {@code a}; refused while the file is damaged. */
  public synchronized List<Address> remove(Address a) {
    List<Address> now = new ArrayList<>(list());
    if (now.remove(a)) {
      write(now);
    }
    return List.copyOf(now);
  }

  private void write(List<Address> addresses) {
    StringBuilder b =
        new StringBuilder("# Addresses Bridgescope's My activity follows, one a line.\n");
    for (Address a : addresses) {
      b.append(a).append('\n');
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new TrackedAddressesException(
          file, "Could not save the followed addresses to " + file + ": " + e.getMessage(), e);
    }
  }

  private TrackedAddressesException damaged(String what) {
    return new TrackedAddressesException(
        file,
        "The followed-addresses file "
            + file
            + " "
            + what
            + ". Fix or delete it; until then only the keys are listed and no address can be added.");
  }

  private static String shorten(String s) {
    String printable = s.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
  }
}
