package io.bridgescope.desktop.common;

import io.bridgescope.core.stats.MessageFilter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A filter in words for the banner above a table: "Only Executed · token 0xab… · since …". */
public final class FilterWords {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private FilterWords() {}

  /** Empty when the filter narrows nothing (the order alone needs no banner). */
  public static String describe(MessageFilter f) {
    if (f.narrowsNothing()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    f.stage().ifPresent(s -> parts.add(stage(s)));
    f.address().ifPresent(a -> parts.add(a.toString()));
    f.kind().ifPresent(k -> parts.add(kind(k)));
    f.token().ifPresent(t -> parts.add("token " + t));
    f.from().ifPresent(t -> parts.add("since " + time(t)));
    f.to().ifPresent(t -> parts.add("before " + time(t)));
    return String.join(" · ", parts);
  }

  public static String stage(io.bridgescope.core.lifecycle.Stage s) {
    String n = s.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  /** "ERC-20", "ERC-721", "ERC-1155", "unknown payloads". */
  public static String kind(io.bridgescope.core.asset.AssetKind k) {
    return switch (k) {
      case ERC20 -> "ERC-20";
      case ERC721 -> "ERC-721";
      case ERC1155 -> "ERC-1155";
      case UNKNOWN -> "unknown payloads";
    };
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }
}
