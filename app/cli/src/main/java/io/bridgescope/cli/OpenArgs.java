package io.bridgescope.cli;

import io.bridgescope.core.link.MessageLink;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@code bridgescope open KIND ID [--network NAME]} and {@code bridgescope open
 * URI}, and of {@code gui URI} (the installers' URI handler runs {@code gui %u}). Read here, before
 * a window opens, so that a bad link is refused on the terminal (exit 2); the desktop gets the link
 * back as one checked URI.
 */
final class OpenArgs {

  static final String USAGE =
      "usage: bridgescope open deposit|exit|commitment|checkpoint ID [--network NAME]\n"
          + "       bridgescope open bridgescope://KIND/ID[?network=NAME]";

  private OpenArgs() {}

  /** The link {@code args} (without the verb) name; throws {@link MessageLink.BadLinkException}. */
  static MessageLink read(List<String> args) {
    List<String> words = new ArrayList<>();
    @Nullable String network = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--network") || a.equals("-n")) {
        if (i + 1 >= args.size()) {
          throw new MessageLink.BadLinkException("--network needs a network name");
        }
        network = args.get(++i);
      } else if (a.startsWith("--network=")) {
        network = a.substring("--network=".length());
      } else if (a.startsWith("-")) {
        throw new MessageLink.BadLinkException("unknown option " + a);
      } else {
        words.add(a);
      }
    }
    return MessageLink.parseArgs(words, network);
  }

  /** Whether {@code gui ...} was given a link to open (what the URI handler passes). */
  static boolean guiWithLink(List<String> args) {
    return args.size() == 2 && args.get(0).equals("gui") && MessageLink.isUri(args.get(1));
  }

  /** The CLI command that shows what {@code link} names (for a machine without a display). */
  static String cliCommand(MessageLink link) {
    String verb =
        switch (link.kind()) {
          case DEPOSIT ->
              "deposits --before " + link.id().add(java.math.BigInteger.ONE) + " --limit 1";
          case EXIT -> "exits --before " + link.id().add(java.math.BigInteger.ONE) + " --limit 1";
          case COMMITMENT -> "commitment " + link.id();
          case CHECKPOINT -> "checkpoint " + link.id();
        };
    return verb + (link.network() == null ? "" : " --network " + link.network());
  }
}
