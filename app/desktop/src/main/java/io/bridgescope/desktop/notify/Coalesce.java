package io.bridgescope.desktop.notify;

import io.bridgescope.desktop.ports.Notice;
import io.bridgescope.desktop.ports.Notice.Target;
import io.bridgescope.desktop.widgets.ShortHex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Folds notices that say the same thing about many items of one watched address ("Deposit 3:
 * Executed", "Deposit 5: Executed", …) into one entry: "12 deposits of 0xab…cd: Executed".
 */
final class Coalesce {

  /** Ids listed in a coalesced entry's text before "…". */
  static final int LISTED = 8;

  private Coalesce() {}

  static List<Notice> byAddressAndStage(List<Notice> batch) {
    Map<String, List<Notice>> groups = new LinkedHashMap<>();
    int single = 0;
    for (Notice n : batch) {
      String key =
          n.via().isPresent() && n.target().isPresent()
              ? n.via().get() + "|" + n.target().get().kind() + "|" + n.stage()
              : "single " + single++;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
    }
    List<Notice> out = new ArrayList<>();
    for (List<Notice> g : groups.values()) {
      out.add(g.size() == 1 ? g.get(0) : folded(g));
    }
    return out;
  }

  private static Notice folded(List<Notice> g) {
    Notice first = g.get(0);
    String address = first.via().get();
    String kind = first.target().get().kind().name().toLowerCase(Locale.ROOT) + "s";
    List<String> ids = g.stream().map(n -> n.target().get().key()).toList();
    String listed =
        String.join(", ", ids.stream().limit(LISTED).toList()) + (ids.size() > LISTED ? ", …" : "");
    return new Notice(
        g.get(g.size() - 1).at(),
        g.size() + " " + kind + " of " + ShortHex.of(address) + ": " + first.stage(),
        "ids " + listed + " (watched address " + address + ")",
        Optional.of(new Target(Target.Kind.ADDRESS, address)),
        first.via(),
        first.stage());
  }
}
