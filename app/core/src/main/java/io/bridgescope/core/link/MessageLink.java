package io.bridgescope.core.link;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A link to one item of a bridge: {@code bridgescope://deposit/123?network=NAME}, or the words
 * {@code deposit 123} of {@code bridgescope open}. A link comes from outside (a browser, a chat, a
 * shell), so it is read strictly: a known kind, a decimal id below 2^256, at most a network name of
 * the profile-name form, nothing else.
 *
 * @param network the saved network it names, or null for the network open last
 */
public record MessageLink(Kind kind, BigInteger id, @Nullable String network) {

  /** The URI scheme the installers register. */
  public static final String SCHEME = "bridgescope";

  /** Longer input is refused before it is parsed. */
  static final int MAX_LENGTH = 256;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,78}");
  private static final Pattern NETWORK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(256);

  /** What a link can open; {@link #word()} is the word of the link and of the search box. */
  public enum Kind {
    DEPOSIT("deposit"),
    EXIT("exit"),
    COMMITMENT("commitment"),
    CHECKPOINT("checkpoint");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    static Optional<Kind> of(String word) {
      for (Kind k : values()) {
        if (k.word.equals(word.toLowerCase(Locale.ROOT))) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** Thrown for a link that is not one; the message names what is wrong and the accepted form. */
  public static final class BadLinkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadLinkException(String problem) {
      super(
          problem
              + " (a link is bridgescope://KIND/ID[?network=NAME] or the words KIND ID, KIND one"
              + " of deposit, exit, commitment, checkpoint)");
    }
  }

  public MessageLink {
    if (id.signum() < 0 || id.compareTo(LIMIT) >= 0) {
      throw new BadLinkException("the id is not an on-chain id");
    }
    if (network != null && !NETWORK.matcher(network).matches()) {
      throw new BadLinkException("'network' is not a network name");
    }
  }

  /** Whether {@code arg} is meant as a URI of this scheme (it may still be a bad one). */
  public static boolean isUri(String arg) {
    return arg.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1);
  }

  /**
   * The arguments of {@code bridgescope open}: one URI, or a kind and an id; {@code network} (from
   * {@code --network}) may be null.
   */
  public static MessageLink parseArgs(List<String> args, @Nullable String network) {
    if (args.size() == 1 && isUri(args.get(0))) {
      MessageLink link = parse(args.get(0));
      if (network != null && link.network() != null && !network.equals(link.network())) {
        throw new BadLinkException(
            "the link names network '" + link.network() + "', not " + network);
      }
      return network == null ? link : new MessageLink(link.kind(), link.id(), network);
    }
    if (args.size() != 2) {
      throw new BadLinkException(
          "expected a link or two words, got " + args.size() + " argument(s)");
    }
    return new MessageLink(kind(args.get(0)), id(args.get(1)), network);
  }

  /** Reads {@code bridgescope://KIND/ID[?network=NAME]}. */
  public static MessageLink parse(String uri) {
    if (uri.length() > MAX_LENGTH) {
      throw new BadLinkException("the link is longer than " + MAX_LENGTH + " characters");
    }
    URI u;
    try {
      u = new URI(uri);
    } catch (URISyntaxException e) {
      throw new BadLinkException("not a URI: " + e.getReason());
    }
    if (!SCHEME.equalsIgnoreCase(u.getScheme())) {
      throw new BadLinkException("the scheme is not " + SCHEME + ":");
    }
    if (u.getRawAuthority() == null || u.getRawPath() == null || u.getRawFragment() != null) {
      throw new BadLinkException("the link has no kind and id, or has a fragment");
    }
    String path = u.getRawPath();
    if (!path.startsWith("/") || path.indexOf('/', 1) >= 0) {
      throw new BadLinkException("the path is not /ID");
    }
    return new MessageLink(kind(u.getRawAuthority()), id(path.substring(1)), network(u));
  }

  private static @Nullable String network(URI u) {
    String q = u.getRawQuery();
    if (q == null || q.isEmpty()) {
      return null;
    }
    if (!q.startsWith("network=") || q.indexOf('&') >= 0) {
      throw new BadLinkException("the only query a link takes is network=NAME");
    }
    return q.substring("network=".length());
  }

  private static Kind kind(String word) {
    return Kind.of(word)
        .orElseThrow(() -> new BadLinkException("'" + shown(word) + "' is not a kind of item"));
  }

  private static BigInteger id(String digits) {
    if (!DIGITS.matcher(digits).matches()) {
      throw new BadLinkException("'" + shown(digits) + "' is not a decimal id");
    }
    return new BigInteger(digits);
  }

  /** Outside text quoted in a message: bounded, and only printable ASCII. */
  private static String shown(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return t.replaceAll("[^\\x20-\\x7e…]", "?");
  }

  /** The link as a URI, which {@link #parse} reads back to an equal link. */
  public String toUri() {
    return SCHEME + "://" + kind.word() + "/" + id + (network == null ? "" : "?network=" + network);
  }

  /** What the desktop's search box finds this item with ("deposit 123"). */
  public String searchText() {
    return kind.word() + " " + id;
  }
}
