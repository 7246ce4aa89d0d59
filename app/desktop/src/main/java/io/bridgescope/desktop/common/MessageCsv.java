package io.bridgescope.desktop.common;

import io.bridgescope.desktop.ports.AssetCells;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.ExitRow;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The CSV columns of the Deposits and Exits exports: the block time in ISO-8601 UTC and the block
 * number, kind, token and symbol, the amounts in the token's decimals and as the raw integers (own
 * column), the NFT/ERC-1155 ids; a batch's items are joined by {@code ;} in payload order.
 */
public final class MessageCsv {

  /** A list's CSV columns: the header line and one row's cells. */
  public record Columns<R>(List<String> headers, Function<R, List<String>> cellsOf) {
    public List<String> cells(R row) {
      return cellsOf.apply(row);
    }
  }

  static final List<String> ASSET =
      List.of(
          "kind", "action", "token", "symbol", "amount", "amount_raw", "token_ids", "amount_text");

  public static final Columns<DepositRow> DEPOSITS =
      new Columns<>(
          headers("state_sync_id", "root_block", "root_time_utc"),
          r ->
              cells(
                  List.of(
                      r.stateSyncId().toString(),
                      Long.toString(r.blockNumber()),
                      time(r.blockTime()),
                      r.status(),
                      r.sender().toString(),
                      r.receiver().toString(),
                      r.txHash().toString()),
                  r.asset()));

  public static final Columns<ExitRow> EXITS =
      new Columns<>(
          headers("exit_id", "child_block", "child_time_utc"),
          r ->
              cells(
                  List.of(
                      r.exitId().toString(),
                      Long.toString(r.childBlock()),
                      time(r.blockTime()),
                      r.status(),
                      r.sender().toString(),
                      r.receiver().toString(),
                      r.txHash().toString()),
                  r.asset()));

  private MessageCsv() {}

  private static List<String> headers(String id, String block, String time) {
    List<String> h = new ArrayList<>(List.of(id, block, time, "status", "from", "to", "tx_hash"));
    h.addAll(ASSET);
    return List.copyOf(h);
  }

  private static List<String> cells(List<String> head, AssetCells a) {
    List<String> c = new ArrayList<>(head);
    c.addAll(
        List.of(
            a.kind(),
            a.action(),
            a.token(),
            CsvExport.text(a.symbol()),
            a.amountDecimal(),
            a.amountRaw(),
            a.tokenIds(),
            CsvExport.text(a.amount())));
    return c;
  }

  /** ISO-8601 UTC, e.g. {@code 2026-12-03T04:05:06Z}. */
  static String time(long unixSeconds) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(unixSeconds));
  }
}
