package io.bridgescope.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.quorum.BlsVerdict;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import io.bridgescope.desktop.testing.Leaves;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ItemDetailViewModelTest {

  private final DirectTaskRunner tasks = new DirectTaskRunner();

  @Test
  void inspectLeavesBuildsTheTreeOffTheCallerAndLabelsItAsSupplied() {
    ItemDetailViewModel vm = new ItemDetailViewModel(tasks, "No commitment selected");
    List<byte[]> leaves = Leaves.stateSyncs(10);
    vm.inspectLeaves(leaves, "test leaves");
    assertThat(tasks.started).containsExactly("build Merkle tree");
    assertThat(vm.treeProperty().get().root()).isEqualTo(MerkleTree.fromLeafHashes(leaves).root());
    assertThat(vm.titleProperty().get()).isEqualTo("Merkle inspector: test leaves");
  }

  @Test
  void pastedTextIsParsedAndBadInputExplained() {
    ItemDetailViewModel vm = new ItemDetailViewModel(tasks, "none");
    String text =
        Leaves.stateSyncs(3).stream()
            .map(b -> "0x" + HexFormat.of().formatHex(b))
            .collect(Collectors.joining("\n"));
    vm.inspectText(text);
    assertThat(vm.treeProperty().get().leafCount()).isEqualTo(3);
    assertThat(vm.titleProperty().get()).contains("you supplied", "not read from a chain");
    vm.inspectText("nonsense");
    assertThat(vm.messageProperty().get()).contains("Line 1");
    assertThat(vm.treeProperty().get().leafCount()).isEqualTo(3);
  }

  @Test
  void verdictDefaultsToNotVerifiedYet() {
    ItemDetailViewModel vm = new ItemDetailViewModel(tasks, "none");
    assertThat(vm.verdictProperty().get().status()).isEqualTo(BlsVerdict.Status.NOT_VERIFIED);
    assertThat(vm.verdictProperty().get().text()).isEqualTo("not verified yet");
  }
}
