package io.bridgescope.cli.wallet;

import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.core.wallet.KeystoreException;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where secrets come from: a file given by option (for scripts; first line, without the line end)
 * or a hidden prompt on the terminal. Never from the command line itself, which other users of the
 * machine can see. The returned arrays belong to the caller, who passes them to the key store,
 * which zeroes them.
 */
public final class Secrets {

  @Option(
      names = "--password-file",
      description = "Read the key's password from the first line of this file (for scripts).")
  Path passwordFile;

  public char[] password(String prompt) {
    return passwordFile != null ? readFirstLine(passwordFile, "password") : ask(prompt);
  }

  /**
   * A new password, asked twice on a terminal or read from {@code --password-file}; either way it
   * must have {@link Keystore#MIN_PASSWORD_LENGTH} characters (an empty file is no password).
   */
  char[] newPassword(String what) {
    if (passwordFile != null) {
      return strongEnough(readFirstLine(passwordFile, "password"), " in " + passwordFile);
    }
    char[] a = ask("New password for " + what + ": ");
    char[] b = ask("Repeat the password: ");
    try {
      if (!Arrays.equals(a, b)) {
        Arrays.fill(a, '\0');
        throw new IllegalArgumentException("the two passwords differ; nothing was saved");
      }
      return strongEnough(a, "");
    } finally {
      Arrays.fill(b, '\0');
    }
  }

  private static char[] strongEnough(char[] pw, String where) {
    try {
      Keystore.checkNewPassword(pw);
      return pw;
    } catch (KeystoreException e) {
      Arrays.fill(pw, '\0');
      throw new IllegalArgumentException(
          "the password"
              + where
              + " is too short: use at least "
              + Keystore.MIN_PASSWORD_LENGTH
              + " characters; nothing was saved",
          e);
    }
  }

  static char[] ask(String prompt) {
    Console c = System.console();
    if (c == null) {
      throw new IllegalArgumentException(
          "no terminal to ask for a secret on; pass it in a file (--password-file, --key-file"
              + " or --mnemonic-file)");
    }
    char[] r = c.readPassword("%s", prompt);
    if (r == null) {
      throw new IllegalArgumentException("no input");
    }
    return r;
  }

  /** The first line of {@code file} as chars; the bytes read are zeroed. */
  static char[] readFirstLine(Path file, String what) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the " + what + " file " + file + ": " + e.getMessage());
    }
    CharBuffer cb = null;
    try {
      cb = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      int end = 0;
      while (end < cb.length() && cb.get(end) != '\n' && cb.get(end) != '\r') {
        end++;
      }
      char[] out = new char[end];
      cb.get(out, 0, end);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the " + what + " file " + file + " is not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (cb != null && cb.hasArray()) {
        Arrays.fill(cb.array(), '\0');
      }
    }
  }
}
